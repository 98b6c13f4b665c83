/** China's working-day calendar: public holidays and adjusted working weekends (调休). */
package cn.duban.calendar;
