package cn.duban.campaign;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import cn.duban.support.Forbidden;
import org.springframework.stereotype.Service;

/**
 * Who may see and do what with one notice — the one policy every controller asks. A notice is its office's: the
 * office's people (its drafters, reviewers and head) watch it (the 督办看板, the summary, the exports, the audit, the
 * mails), its reviewers and head review and urge its units, its drafters and head withdraw one; leaders, operators and
 * administrators watch every office's (and decide nothing of it here). A unit reads the notices that reached it.
 */
@Service
public class CampaignAccess {

    static final String NOT_WATCHER = "仅本通知的主办科室、局领导和运维人员可以查看";

    private final CampaignService campaigns;

    public CampaignAccess(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /** The notice's office (the bureau's first office for a notice drafted before offices). */
    public String officeOf(String campaignId) {
        // a notice that does not exist is the default office's: its service refuses it next, in its own words
        String office = campaigns.find(campaignId).map(Campaign::officeCode).orElse(null);
        return office == null ? Roles.DEFAULT_OFFICE : office;
    }

    /** The group of a role in the notice's office: who drafts, reviews, heads it (the models' candidate groups). */
    public String group(String campaignId, Roles.OfficeRole role) {
        return Roles.officeGroup(officeOf(campaignId), role);
    }

    /** Whether this person watches the notice: bureau-wide, or one of its office's people. */
    public boolean watches(CurrentUser user, String campaignId) {
        if (user.isBureauWide()) {
            return true;
        }
        // the bureau's staff are told a notice does not exist (by the service that looks for it); a unit never is
        return !user.offices().isEmpty() && campaigns.find(campaignId).map(c -> user.watchesOffice(c.officeCode())).orElse(true);
    }

    /** Refuses (403, before anything is looked up for them) one who does not watch the notice. */
    public void requireWatcher(CurrentUser user, String campaignId) {
        requireWatcher(user, campaignId, NOT_WATCHER);
    }

    public void requireWatcher(CurrentUser user, String campaignId, String refusal) {
        if (!watches(user, campaignId)) {
            throw new Forbidden(refusal);
        }
    }

    /** Whether this person may read the notice itself: one who watches it, or a unit it reached. */
    public boolean readsNotice(CurrentUser user, String campaignId) {
        return watches(user, campaignId) || (!user.unitCodes().isEmpty() && campaigns.reachesAnyOf(campaignId, user.unitCodes()));
    }

    /** Whether this person sees a unit's part of the notice: one who watches it, or the unit's own people. */
    public boolean seesUnit(CurrentUser user, String campaignId, String unitCode) {
        return user.isIn(Roles.unitGroup(unitCode)) || watches(user, campaignId);
    }

    /** Whether this person is one of the notice's office's people (sends its 督办通报, say). */
    public boolean ofOffice(CurrentUser user, String campaignId) {
        return user.offices().contains(officeOf(campaignId));
    }

    /** Whether this person reviews and urges the notice's units: its office's reviewers and head. */
    public boolean reviews(CurrentUser user, String campaignId) {
        String office = officeOf(campaignId);
        return user.hasOfficeRole(office, Roles.OfficeRole.REVIEWER) || user.hasOfficeRole(office, Roles.OfficeRole.HEAD);
    }

    /** Whether this person takes the office's decisions on the running notice (withdrawing a unit): its drafters and head. */
    public boolean decides(CurrentUser user, String campaignId) {
        return user.decidesFor(officeOf(campaignId));
    }
}
