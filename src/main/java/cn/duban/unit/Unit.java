package cn.duban.unit;

/** A unit of the county that receives notices: a hospital, a township health centre, the CDC, … */
public record Unit(String code, String name, String type, String mailbox, String headName, String headUser) {}
