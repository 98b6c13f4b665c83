package cn.duban.report;

import cn.duban.support.DubanProperties;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.support.FileNames;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a unit attaches: the summary document and photos. The content is sniffed, never trusted from
 * the name; a file waits (staged) until the next hand-in binds it to that version. Its bytes go to the
 * {@link AttachmentStorage} (a file store by default, the database in the postgres profile); a unit's files
 * waiting to be handed in, its bytes in the campaign and the campaign's bytes are limited, each upload checked
 * against what is stored at that moment, one upload of a unit at a time.
 */
@Service
@Transactional
public class AttachmentService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AttachmentService.class);

    public static final String SUMMARY = "SUMMARY";
    public static final String PHOTO = "PHOTO";
    /** A file sent with a contribution to the lead of an item. */
    public static final String CONTRIBUTION = "CONTRIBUTION";

    private final ReportRepository reports;
    private final CampaignService campaigns;
    private final ContributionService contributions;
    private final Clock clock;
    private final long maxBytes;
    private final int maxStaged;
    private final long maxMediaBytes;
    private final long unitQuota;
    private final long campaignQuota;
    private final AttachmentStorage storage;
    private final Rollups rollups;

    AttachmentService(ReportRepository reports, CampaignService campaigns, Clock clock, DubanProperties settings,
                      ContributionService contributions, AttachmentStorage storage, Rollups rollups) {
        this.rollups = rollups;
        this.contributions = contributions;
        this.reports = reports;
        this.campaigns = campaigns;
        this.clock = clock;
        this.storage = storage;
        this.maxBytes = settings.attachments().maxBytes();
        this.maxStaged = settings.attachments().maxStaged();
        this.maxMediaBytes = settings.attachments().maxMediaBytes();
        this.unitQuota = settings.attachments().unitQuota().toBytes();
        this.campaignQuota = settings.attachments().campaignQuota().toBytes();
        if (unitQuota < Math.max(maxBytes, maxMediaBytes) || campaignQuota < unitQuota) {
            throw new IllegalStateException("duban.attachments: unit-quota (" + unitQuota + " bytes) must hold the largest file a "
                    + "template may allow (max-media-bytes " + maxMediaBytes + "), and campaign-quota (" + campaignQuota
                    + ") at least one unit's quota");
        }
    }

    /** The bytes of every file units have uploaded, all campaigns together (their running totals: one SUM over campaigns). */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public long storedBytes() {
        return reports.storedBytes();
    }

    public AttachmentInfo stage(String campaignId, String unitCode, String kind, String filename, byte[] content, String actor) {
        return stage(campaignId, unitCode, kind, null, filename, Upload.of(content), actor);
    }

    /** The bytes stored per row of duban_attachment_chunk: what is held in memory at a time, up or down. */
    public static final int CHUNK_BYTES = 1024 * 1024;

    /**
     * An uploaded file's bytes: its size, its structure read a few bytes at a time ({@link FileTypes.Source}), and a
     * stream from its start. An upload on disk is never read whole into memory.
     */
    public interface Upload {
        long size();

        /** Reads the file's structure through one {@link FileTypes.Source}, open for the reading only. */
        <T> T read(java.util.function.Function<FileTypes.Source, T> reader);

        java.io.InputStream open() throws java.io.IOException;

        static Upload of(byte[] content) {
            byte[] b = content == null ? new byte[0] : content;
            return new Upload() {
                public long size() {
                    return b.length;
                }

                public <T> T read(java.util.function.Function<FileTypes.Source, T> reader) {
                    return reader.apply(FileTypes.Source.of(b));
                }

                public java.io.InputStream open() {
                    return new java.io.ByteArrayInputStream(b);
                }
            };
        }

        /** A file on disk (an upload Spring has written there): read by position, streamed from its start. */
        static Upload of(java.nio.file.Path file) {
            return new Upload() {
                public long size() {
                    try {
                        return java.nio.file.Files.size(file);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                public <T> T read(java.util.function.Function<FileTypes.Source, T> reader) {
                    // one channel for the whole check, however many box headers it reads
                    try (var channel = java.nio.channels.FileChannel.open(file)) {
                        return reader.apply(FileTypes.Source.of(channel));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                public java.io.InputStream open() throws java.io.IOException {
                    return java.nio.file.Files.newInputStream(file);
                }
            };
        }
    }


    /**
     * Stages an upload: a summary or photo for the unit's next report, or (kind {@link #CONTRIBUTION} with an item) a
     * document or photo for its contribution to an item it cooperates on, sent with the contribution.
     */
    public AttachmentInfo stage(String campaignId, String unitCode, String kind, String itemCode, String filename, Upload content,
                                String actor) {
        var c = campaigns.find(campaignId).orElseThrow(() -> new ReportException("活动不存在"));
        if (c.status() != CampaignStatus.ISSUED) {
            throw new ReportException("活动不在征集期内，不能上传附件");
        }
        UnitReport u = reports.findUnit(campaignId, unitCode).orElseThrow(() -> new ReportException("本单位不在下发范围内"));
        if (!u.status().owesReport()) {
            throw new ReportException("当前状态为“" + u.status().label() + "”，不能上传附件");
        }
        boolean contribution = CONTRIBUTION.equals(kind);
        CampaignTemplate.AttachmentKind rule = contribution ? CONTRIBUTION_KIND : rollups.part(c, unitCode).kinds().stream()
                .filter(k -> k.code().equals(kind)).findFirst()
                .orElseThrow(() -> new ReportException("本通知的附件要求中没有“" + kind + "”这一类"));
        if (contribution && (itemCode == null || !contributions.pendingContributions(campaignId, unitCode).contains(itemCode))) {
            throw new ReportException("本单位没有待报送的第 " + itemCode + " 项配合情况，不能为它上传附件");
        }
        String name = FileNames.safe(filename);
        long size = content.size();
        if (size == 0) {
            throw new ReportException("文件“" + name + "”是空文件");
        }
        long limit = limitFor(rule);
        if (size > limit) {
            throw new ReportException("文件“" + name + "”超过 " + limit / (1024 * 1024) + " MB 的上限");
        }
        // at once, before anything is read or stored, a file that cannot fit (checked again, exactly, below)
        ReportRepository.Usage usage = reports.unitUsage(campaignId, unitCode);
        checkRoom(name, size, usage.staged(), usage.bytes(), reports.campaignBytes(campaignId));
        FileTypes.Detected found;
        try {
            found = content.read(source -> FileTypes.detect(source, name)).orElse(null);
        } catch (FileTypes.Refused e) {
            throw new ReportException("文件“" + name + "”" + e.getMessage());
        }
        List<FileTypes.Category> accepted = categories(rule);
        if (found == null || !accepted.contains(found.category())) {
            throw new ReportException("文件“" + name + "”" + notAccepted(accepted));
        }
        String type = found.contentType();
        if (found.category() == FileTypes.Category.IMAGE) {
            checkImage(name, content);
        }
        String sha = sha256(content);
        long id;
        try (ContentStore.Pending bytes = storage.begin(content)) {
            id = reports.insertAttachment(campaignId, unitCode, kind, contribution ? itemCode : null, name, type, size, sha, actor,
                    LocalDateTime.now(clock));
            reports.setContentKey(id, bytes.commit(id, sha));
        }
        reserve(campaignId, unitCode, name, size);
        return (contribution ? reports.stagedForItems(campaignId, unitCode).getOrDefault(itemCode, List.of())
                : reports.staged(campaignId, unitCode)).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** The largest file a unit may upload. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * A kind of attachment as the forms show it: its label, where its problems go ({@code field}), the file input's
     * {@code accept}, the formats in words, how many, how large, and whether its files are shown as thumbnails.
     */
    public record KindView(String code, String label, String field, String accept, String formats, int min, Integer max,
                           long maxBytes, boolean images) {}

    /** The kinds a unit attaches ({@link Rollups#part}), as the fill-in and review pages show them. */
    public List<KindView> kinds(List<CampaignTemplate.AttachmentKind> kinds) {
        return kinds.stream().map(k -> {
            List<FileTypes.Category> cats = categories(k);
            return new KindView(k.code(), k.label(), ReportChecks.field(k.code()),
                    cats.stream().map(FileTypes.Category::extensions).collect(java.util.stream.Collectors.joining(",")),
                    cats.stream().map(FileTypes.Category::formats).collect(java.util.stream.Collectors.joining("，")),
                    k.minCount(), k.max(), limitFor(k), cats.equals(List.of(FileTypes.Category.IMAGE)));
        }).toList();
    }

    /** What a contribution to an item's lead may carry. */
    static final CampaignTemplate.AttachmentKind CONTRIBUTION_KIND =
            new CampaignTemplate.AttachmentKind(CONTRIBUTION, "配合情况附件", List.of("document", "image"), 0, null, null);

    /** The largest file of this kind: the kind's own limit, never above duban's upload limit. */
    public long limitFor(CampaignTemplate.AttachmentKind kind) {
        return kind.maxSizeMb() == null ? maxBytes : Math.min(maxMediaBytes, kind.maxSizeMb() * 1024L * 1024L);
    }

    /** The file types a kind accepts. */
    public static List<FileTypes.Category> categories(CampaignTemplate.AttachmentKind kind) {
        return kind.accept().stream().map(FileTypes.Category::of).filter(java.util.Objects::nonNull).toList();
    }

    /** "不是 JPG、PNG、GIF 或 WebP 图片，或内容与扩展名不符", or for several types the list of each. */
    static String notAccepted(List<FileTypes.Category> accepted) {
        if (accepted.size() == 1) {
            return "不是 " + accepted.get(0).phrase() + "，或内容与扩展名不符";
        }
        return "不是可接受的" + accepted.stream().map(FileTypes.Category::label).collect(java.util.stream.Collectors.joining("或"))
                + "（" + accepted.stream().map(FileTypes.Category::formats).collect(java.util.stream.Collectors.joining("，"))
                + "），或内容与扩展名不符";
    }

    /** Whose an attachment is, and what it is called, without its bytes. */
    Optional<ReportRepository.AttachmentOwner> owner(long id) {
        return reports.attachmentOwner(id);
    }

    /**
     * The exact check, last before the commit: adding the file's bytes to the unit's total locks the unit's row until
     * the commit, so the unit's uploads pass here one at a time and each counts what the others committed (70 parallel
     * uploads leave exactly {@code max-staged}); then the campaign's total, the same way. A refusal rolls everything
     * back, the stored bytes too.
     */
    private void reserve(String campaignId, String unitCode, String name, long size) {
        reports.addUnitBytes(campaignId, unitCode, size);
        ReportRepository.Usage unit = reports.unitUsage(campaignId, unitCode);
        if (reports.addCampaignBytes(campaignId, size) == 0) {
            reports.ensureCampaignStorage(campaignId);
            reports.addCampaignBytes(campaignId, size);
        }
        // what was there before this file: its own row and bytes are counted already
        checkRoom(name, size, unit.staged() - 1, unit.bytes() - size, reports.campaignBytes(campaignId) - size);
    }

    /** Whether one more file of {@code size} fits beside the unit's staged files and bytes and the campaign's bytes. */
    private void checkRoom(String name, long size, int staged, long unitBytes, long campaignBytes) {
        if (staged >= maxStaged) {
            throw new ReportException("待提交的附件已有 " + staged + " 个（最多 " + maxStaged + " 个），请先提交或删除部分附件");
        }
        if (unitBytes + size > unitQuota) {
            throw new ReportException("本单位在本通知中的附件已用 " + size(unitBytes) + "，上限 " + size(unitQuota) + "，文件“" + name
                    + "”（" + size(size) + "）放不下；请删除部分待提交的附件，或压缩后再上传");
        }
        if (campaignBytes + size > campaignQuota) {
            throw new ReportException("本通知各单位的附件合计已用 " + size(campaignBytes) + "，上限 " + size(campaignQuota) + "，文件“"
                    + name + "”（" + size(size) + "）放不下；请联系综合监督科");
        }
    }

    /** A size as a person reads it: 820 KB, 12.5 MB, 1.95 GB. */
    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(bytes == 0 ? 0 : 1, Math.round(bytes / 1024.0)) + " KB";
        }
        double mb = bytes / (1024.0 * 1024);
        if (mb < 1024) {
            return trim(mb) + " MB";
        }
        return trim(mb / 1024) + " GB";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** What the upload fields show: the unit's room in the campaign. */
    public record Space(long usedBytes, long quotaBytes, int staged, int maxStaged, String said) {}

    public Space space(String campaignId, String unitCode) {
        ReportRepository.Usage u = reports.unitUsage(campaignId, unitCode);
        return new Space(u.bytes(), unitQuota, u.staged(), maxStaged, "本单位在本通知中的附件已用 " + size(u.bytes()) + "，上限 "
                + size(unitQuota) + "；待提交的附件 " + u.staged() + " 个，最多 " + maxStaged + " 个");
    }


    /** Hands a file's bytes to {@code sink} chunk by chunk ({@link #CHUNK_BYTES}), numbered from 0. */
    public static void chunks(Upload content, java.util.function.ObjIntConsumer<byte[]> sink) {
        try (var in = content.open()) {
            for (int no = 0; ; no++) {
                byte[] chunk = new byte[CHUNK_BYTES];
                int n = in.readNBytes(chunk, 0, CHUNK_BYTES);
                if (n == 0) {
                    return;
                }
                sink.accept(n == CHUNK_BYTES ? chunk : java.util.Arrays.copyOf(chunk, n), no);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Writes an attachment's stored bytes to {@code out}, one chunk at a time (callers have checked who may read it):
     * a download or the upward package never holds a file whole.
     */
    public void copyTo(long id, java.io.OutputStream out) throws java.io.IOException {
        String key = reports.contentKey(id).orElseThrow(() -> new ReportException("附件不存在"));
        storage.copyTo(key, id, out);
    }

    public List<AttachmentInfo> staged(String campaignId, String unitCode) {
        return reports.staged(campaignId, unitCode);
    }

    /**
     * Removes a file not yet handed in (handed-in files are part of a version and are never deleted): gone from the
     * unit's lists and its space given back in this transaction; its bytes are purged after the commit, in small
     * steps of their own (see {@link ContentStore#remove}).
     */
    public void deleteStaged(long id) {
        ReportRepository.Removed removed = reports.markRemoved(id, LocalDateTime.now(clock))
                .orElseThrow(() -> new ReportException("该附件已随报送提交，不能删除"));
        reports.addUnitBytes(removed.campaignId(), removed.unitCode(), -removed.sizeBytes());
        reports.addCampaignBytes(removed.campaignId(), -removed.sizeBytes());
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        try {
                            storage.purge(removed);
                        } catch (RuntimeException e) {
                            // the file is gone for the unit already; its bytes are purged at the next start
                            LOG.warn("the bytes of removed attachment {} stay until the next start", removed.id(), e);
                        }
                    }
                });
    }

    /** The most pixels a photo may have (an "image bomb" is a small file that decodes to a huge bitmap). */
    public static final long MAX_PIXELS = 100_000_000L;

    /** Reads only the image header (never decodes the bitmap) and refuses huge or unreadable images. */
    static void checkImage(String name, Upload content) {
        try (var stream = content.open();
             javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(stream)) {
            var readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return; // a format the JDK cannot read (WebP): nothing is decoded here either
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ReportException("图片“" + name + "”尺寸过大（" + reader.getWidth(0) + "×" + reader.getHeight(0)
                            + "），请压缩后再上传");
                }
            } finally {
                reader.dispose();
            }
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof ReportException re) {
                throw re;
            }
            throw new ReportException("图片“" + name + "”已损坏，无法读取");
        }
    }

    /** The file's SHA-256, read through once in 64 KB pieces. */
    public static String sha256(Upload content) {
        try (var in = content.open()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
