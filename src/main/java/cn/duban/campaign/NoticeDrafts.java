package cn.duban.campaign;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drafter's unfinished notice, kept on the server so that nothing typed in 起草通知 is lost (a reload, a dropped
 * connection, another computer): the drafting form saves it as the drafter types and on 暂存, and reopens with it
 * ("已恢复…暂存的内容"). A draft is the drafter's own — nobody else reads it — and it goes when the notice is handed on
 * to 核稿 ({@link CampaignService#submitDraft}). Each save is answered with what the rules say of the notice as it
 * stands ({@link CampaignService#draftProblems}), so the form shows the server's verdict at each field.
 */
@Service
@Transactional
public class NoticeDrafts {

    /** Larger than any notice the rules accept (a 512 KB template, a 100,000-character body), so a draft never loses text. */
    public static final int MAX_DRAFT_CHARS = 1_200_000;

    private final CampaignRepository repository;
    private final CampaignService campaigns;
    private final Clock clock;

    NoticeDrafts(CampaignRepository repository, CampaignService campaigns, Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** A saved draft as the form reopens it. */
    public record Draft(NoticeDraft notice, LocalDateTime savedAt) {}

    /** The answer to a save: when it was saved, and the rules' verdict on the notice as it stands. */
    public record Saved(LocalDateTime savedAt, boolean ready, List<String> problems, Map<String, String> fieldErrors) {}

    public Saved save(String campaignId, NoticeDraft draft, String drafter) {
        Campaign c = campaigns.lock(campaignId);
        if (c.status() != CampaignStatus.DRAFTING) {
            throw new CampaignException("通知已" + (c.status() == CampaignStatus.REVIEWING ? "送核稿" : c.status().label())
                    + "，起草时的内容不再暂存；请刷新任务列表");
        }
        if (draft == null) {
            throw new CampaignException("没有收到要暂存的通知内容");
        }
        String content = TemplateParser.draftToJson(draft);
        if (content.length() > MAX_DRAFT_CHARS) {
            throw new CampaignException("通知内容过长（超过 " + MAX_DRAFT_CHARS + " 字），未能暂存，请精简正文或活动事项");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        repository.saveNoticeDraft(campaignId, drafter, content, now);
        List<String> problems = draft.template() == null ? List.of()
                : campaigns.draftProblems(campaignId, draft.template(), draft.deadline(), draft.documentNumber());
        return new Saved(now, problems.isEmpty(), problems, TemplateParser.byField(problems));
    }

    /** The drafter's own draft of the notice, while the notice is being drafted. */
    @Transactional(readOnly = true)
    public Optional<Draft> find(String campaignId, String drafter) {
        if (campaigns.get(campaignId).status() != CampaignStatus.DRAFTING) {
            return Optional.empty();
        }
        return repository.findNoticeDraft(campaignId, drafter)
                .map(d -> new Draft(TemplateParser.draftFromJson(d.content()), d.savedAt()));
    }
}
