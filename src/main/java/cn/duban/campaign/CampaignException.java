package cn.duban.campaign;

import cn.duban.support.Refusal;

/**
 * A request the campaign's rules refuse; the message is Chinese and shown to the person as is
 * (Tasklist shows it when a form is submitted). Nothing has been changed when it is thrown.
 */
public class CampaignException extends Refusal {

    public CampaignException(String message) {
        super(message);
    }
}
