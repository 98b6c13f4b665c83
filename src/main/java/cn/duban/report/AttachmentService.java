package cn.duban.report;

import cn.duban.support.DubanProperties;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.support.FileNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a unit attaches: the summary document and photos. The content is sniffed, never trusted from
 * the name; a file waits (staged) until the next hand-in binds it to that version.
 */
@Service
@Transactional
public class AttachmentService {

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

    public AttachmentService(ReportRepository reports, CampaignService campaigns, Clock clock, DubanProperties settings,
                             ContributionService contributions) {
        this.contributions = contributions;
        this.reports = reports;
        this.campaigns = campaigns;
        this.clock = clock;
        this.maxBytes = settings.attachments().maxBytes();
        this.maxStaged = settings.attachments().maxStaged();
    }

    public AttachmentInfo stage(String campaignId, String unitCode, String kind, String filename, byte[] content, String actor) {
        return stage(campaignId, unitCode, kind, null, filename, content, actor);
    }

    /**
     * Stages an upload: a summary or photo for the unit's next report, or (kind {@link #CONTRIBUTION} with an item) a
     * document or photo for its contribution to an item it cooperates on, sent with the contribution.
     */
    public AttachmentInfo stage(String campaignId, String unitCode, String kind, String itemCode, String filename, byte[] content,
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
        if (!SUMMARY.equals(kind) && !PHOTO.equals(kind) && !contribution) {
            throw new ReportException("附件类别只能是总结文档、活动图片或配合情况附件");
        }
        if (contribution && (itemCode == null || !contributions.pendingContributions(campaignId, unitCode).contains(itemCode))) {
            throw new ReportException("本单位没有待报送的第 " + itemCode + " 项配合情况，不能为它上传附件");
        }
        String name = FileNames.safe(filename);
        if (content == null || content.length == 0) {
            throw new ReportException("文件“" + name + "”是空文件");
        }
        if (content.length > maxBytes) {
            throw new ReportException("文件“" + name + "”超过 " + maxBytes / (1024 * 1024) + " MB 的上限");
        }
        if (reports.staged(campaignId, unitCode).size() >= maxStaged) {
            throw new ReportException("待提交的附件已有 " + maxStaged + " 个，请先提交或删除部分附件");
        }
        String type = sniff(content);
        String ext = extension(name);
        boolean image = type.startsWith("image/") && matches(type, ext);
        boolean document = !type.startsWith("image/") && !type.equals("application/octet-stream") && matches(type, ext);
        boolean ok = PHOTO.equals(kind) ? image : contribution ? image || document : document;
        if (!ok) {
            throw new ReportException(contribution
                    ? "文件“" + name + "”不是可接受的文档或图片（PDF、Word、WPS、OpenDocument、纯文本，JPG、PNG、GIF、WebP），或内容与扩展名不符"
                    : PHOTO.equals(kind)
                    ? "文件“" + name + "”不是 JPG、PNG、GIF 或 WebP 图片，或内容与扩展名不符"
                    : "文件“" + name + "”不是 PDF、Word、WPS、OpenDocument 或纯文本文档，或内容与扩展名不符");
        }
        if (type.startsWith("image/")) {
            checkImage(name, content);
        }
        if (type.equals("application/zip") && !isDocumentPackage(content, ext)) {
            throw new ReportException("文件“" + name + "”不是有效的 " + ext.toUpperCase(Locale.ROOT) + " 文档（压缩包改名不能作为文档上传）");
        }
        long id = reports.insertAttachment(campaignId, unitCode, kind, contribution ? itemCode : null, name, type, content,
                sha256(content), actor, LocalDateTime.now(clock));
        return (contribution ? reports.stagedForItems(campaignId, unitCode).getOrDefault(itemCode, List.of())
                : reports.staged(campaignId, unitCode)).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** The largest file a unit may upload. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Whose an attachment is, and what it is called, without its bytes. */
    Optional<ReportRepository.AttachmentOwner> owner(long id) {
        return reports.attachmentOwner(id);
    }

    /** The stored bytes of an attachment (callers have checked who may read it). */
    public byte[] content(long id) {
        return reports.attachmentContent(id);
    }

    public List<AttachmentInfo> staged(String campaignId, String unitCode) {
        return reports.staged(campaignId, unitCode);
    }

    /** Removes a file not yet handed in; handed-in files are part of a version and are never deleted. */
    public void deleteStaged(long id) {
        if (reports.deleteStaged(id) == 0) {
            throw new ReportException("该附件已随报送提交，不能删除");
        }
    }

    /** The most pixels a photo may have (an "image bomb" is a small file that decodes to a huge bitmap). */
    public static final long MAX_PIXELS = 100_000_000L;

    /** Reads only the image header (never decodes the bitmap) and refuses huge or unreadable images. */
    static void checkImage(String name, byte[] content) {
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(content))) {
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

    /** The type the bytes say they are (magic numbers), whatever the file is called. */
    static String sniff(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return "image/png";
        if (starts(b, 'G', 'I', 'F', '8')) return "image/gif";
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "image/webp";
        if (starts(b, '%', 'P', 'D', 'F', '-')) return "application/pdf";
        if (starts(b, 'P', 'K', 3, 4)) return "application/zip";
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) return "application/x-ole-storage";
        if (isText(b)) return "text/plain";
        return "application/octet-stream";
    }

    private static boolean matches(String type, String ext) {
        return switch (type) {
            case "image/jpeg" -> ext.equals("jpg") || ext.equals("jpeg");
            case "image/png" -> ext.equals("png");
            case "image/gif" -> ext.equals("gif");
            case "image/webp" -> ext.equals("webp");
            case "application/pdf" -> ext.equals("pdf");
            case "application/zip" -> List.of("docx", "odt", "wps").contains(ext);
            case "application/x-ole-storage" -> List.of("doc", "wps").contains(ext);
            case "text/plain" -> ext.equals("txt");
            default -> false;
        };
    }

    /** The most zip entries read to find a document's parts (a real .docx has a few dozen). */
    static final int MAX_PACKAGE_ENTRIES = 2_000;

    /**
     * A zip is a document only with a document's structure: an Office Open XML file has its content types and, for
     * Word, {@code word/document.xml}; an OpenDocument text starts with its {@code mimetype} entry. Only entry names
     * and that one short entry are read, so a zip bomb costs nothing here.
     */
    static boolean isDocumentPackage(byte[] content, String ext) {
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(content))) {
            if (ext.equals("odt")) {
                var first = zip.getNextEntry();
                if (first == null || !first.getName().equals("mimetype")) {
                    return false;
                }
                byte[] mime = zip.readNBytes(64);
                return new String(mime, StandardCharsets.US_ASCII).equals("application/vnd.oasis.opendocument.text");
            }
            boolean contentTypes = false;
            boolean document = false;
            java.util.zip.ZipEntry e;
            for (int i = 0; i < MAX_PACKAGE_ENTRIES && (e = zip.getNextEntry()) != null; i++) {
                contentTypes |= e.getName().equals("[Content_Types].xml");
                document |= e.getName().equals("word/document.xml");
            }
            return contentTypes && (document || !ext.equals("docx"));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) return false;
        }
        return true;
    }

    private static boolean isText(byte[] b) {
        int n = Math.min(b.length, 8192);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) return false;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            decoder.decode(java.nio.ByteBuffer.wrap(b, 0, n));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return n == 8192; // a multi-byte character cut at the sample's end
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
