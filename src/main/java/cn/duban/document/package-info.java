/**
 * The notice as a document (公文): laid out as GB/T 9704-2012 has it — 发文机关标志, 发文字号, title, 主送机关, the body
 * with its headings 一、（一）1.（1）, the items with their lead and cooperating units, the duty roster, 附件说明,
 * 署名 and 成文日期, then the blank statistics table as its attachment — as a .docx and as an HTML preview; and the
 * 发文字号 of each issuer and year, suggested and never used twice.
 */
package cn.duban.document;
