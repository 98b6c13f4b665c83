package cn.duban.mail;

import java.time.LocalDate;
import org.springframework.web.util.HtmlUtils;

/** The Chinese mails duban sends: subject, an HTML part and a plain-text part. Everything typed is escaped. */
public final class MailTemplates {

    /** A rendered mail. */
    public record Mail(String subject, String html, String text) {}

    private MailTemplates() {}

    public static Mail noticeIssued(String title, String issuer, String unitName, LocalDate due, String link) {
        String subject = "【督办】请签收：" + title;
        String text = unitName + "：\n\n" + issuer + "印发了《" + title + "》，请登录督办系统签收，指定信息报送专人，并于 "
                + due + " 前报送活动总结、图片和统计表。\n\n办理入口：" + link + "\n";
        return new Mail(subject, html(text), text);
    }

    /** @param returnedBy who returned it: the notice's section, or in a roll-up the unit the report goes through */
    public static Mail reportReturned(String title, String unitName, String returnedBy, String reason, LocalDate due, String link) {
        String subject = "【督办】报送被退回：" + title;
        String text = unitName + "：\n\n你单位报送的《" + title + "》材料被" + returnedBy + "退回修改。\n退回理由：" + reason
                + "\n新的报送期限：" + due + "\n\n办理入口：" + link + "\n";
        return new Mail(subject, html(text), text);
    }

    public static Mail reminder(String title, String unitName, LocalDate due, String link) {
        String subject = "【督办】催报提醒：" + title + "（" + due + " 截止）";
        String text = unitName + "：\n\n《" + title + "》的报送期限是 " + due + "，你单位尚未报送。请按时报送活动总结、图片和统计表。\n\n办理入口："
                + link + "\n";
        return new Mail(subject, html(text), text);
    }

    public static Mail overdue(String title, String unitName, LocalDate due, String link) {
        String subject = "【督办】已逾期：" + title;
        String text = unitName + "：\n\n《" + title + "》的报送期限 " + due + " 已过，你单位仍未报送，已记为逾期。请尽快报送。\n\n办理入口："
                + link + "\n";
        return new Mail(subject, html(text), text);
    }

    /** @param section the notice's own section (its office), who receives the digest */
    public static Mail digest(String section, String title, LocalDate deadline, LocalDate today, java.util.List<String> missing, String link) {
        String subject = "【督办】逾期未报汇总（" + today + "）：" + title;
        String text = section + "：\n\n《" + title + "》报送截止 " + deadline + "，截至 " + today + " 仍有 " + missing.size()
                + " 个单位未报送：\n" + String.join("、", missing) + "\n\n跟踪入口：" + link + "\n";
        return new Mail(subject, html(text), text);
    }

    /** To an intermediate unit of a roll-up: its members past their due date. */
    public static Mail memberDigest(String title, String unitName, LocalDate today, java.util.List<String> late, String link) {
        String subject = "【督办】下级单位逾期未报（" + today + "）：" + title;
        String text = unitName + "：\n\n《" + title + "》中由本单位审核汇总的下级单位，截至 " + today + " 仍有 " + late.size()
                + " 个逾期未报：\n" + String.join("、", late) + "\n\n请督促其尽快报送。办理入口：" + link + "\n";
        return new Mail(subject, html(text), text);
    }

    /** 催办: who urged (by name, with the section), the notice, the due date, the note, and a link to the unit's open task. */
    public static Mail urge(String title, String unitName, LocalDate due, String note, String link, String urgedBy, String section) {
        String subject = "【督办】催办：" + title;
        String who = (urgedBy == null || urgedBy.isBlank() ? "" : urgedBy) + (section == null || section.isBlank() ? "综合监督科" : "（" + section + "）");
        String text = unitName + "：\n\n" + who + "催办《" + title + "》的报送（期限 " + due + "）。\n" + (note == null || note.isBlank() ? "" : "催办说明：" + note + "\n")
                + "\n办理入口（直接打开本单位的待办任务）：" + link + "\n";
        return new Mail(subject, html(text), text);
    }

    /** The longest circular a mail carries whole; a longer one is cut there, the rest read in duban. */
    static final int MAX_CIRCULAR_TEXT = 4_000;

    /**
     * A 督办通报 signed off, to one unit of the campaign: whether it is named among the late, the circular's text (cut
     * at {@link #MAX_CIRCULAR_TEXT} characters), and where to find the official file.
     */
    public static Mail circularIssued(String circularTitle, String issuer, String unitName, boolean late, String circularText, String link) {
        String subject = "【督办】督办通报：" + circularTitle + (late ? "（你单位逾期未报）" : "");
        String body = circularText.length() <= MAX_CIRCULAR_TEXT ? circularText
                : circularText.substring(0, MAX_CIRCULAR_TEXT) + "……\n（全文较长，请登录督办系统阅读）";
        String text = unitName + "：\n\n" + issuer + "印发了督办通报，全文如下。"
                + (late ? "你单位在本通报中列为逾期未报单位，请立即报送，并说明逾期原因。" : "")
                + "正式文件（PDF、Word）请登录督办系统，在本通知的签收或填报页面下载。\n\n"
                + body + "\n\n办理入口：" + link + "\n";
        return new Mail(subject, html(text), text);
    }

    /** An alert to the operators (ops.Alerts): what happened and what to do, and where Cockpit shows it. */
    public static Mail alert(String title, String detail, java.time.LocalDateTime openedAt, String link) {
        String subject = "【督办系统告警】" + title;
        String text = "运维人员：\n\n" + title + "（" + openedAt.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + " 发现）。\n\n" + detail + "\n\n问题解除后系统会再发一封邮件告知；在此之前不会就同一问题重复发送。监控首页也列出了当前的告警：\n" + link + "\n";
        return new Mail(subject, html(text), text);
    }

    /** The alert's condition has gone. */
    public static Mail alertResolved(String title, java.time.LocalDateTime openedAt, java.time.LocalDateTime resolvedAt, String link) {
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        String subject = "【督办系统告警解除】" + title;
        String text = "运维人员：\n\n" + openedAt.format(when) + " 发出的告警“" + title + "”已于 " + resolvedAt.format(when)
                + " 解除，无需再处理。\n\n监控首页：\n" + link + "\n";
        return new Mail(subject, html(text), text);
    }

    /** The plain text as HTML: escaped, paragraphs kept, the link made clickable. */
    static String html(String text) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"></head><body>");
        for (String line : text.split("\n")) {
            String escaped = HtmlUtils.htmlEscape(line, "UTF-8");
            int http = escaped.indexOf("http");
            if (http >= 0) {
                String url = escaped.substring(http);
                escaped = escaped.substring(0, http) + "<a href=\"" + url + "\">" + url + "</a>";
            }
            sb.append("<p>").append(escaped).append("</p>");
        }
        return sb.append("</body></html>").toString();
    }
}
