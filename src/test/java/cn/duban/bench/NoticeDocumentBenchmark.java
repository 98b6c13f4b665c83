package cn.duban.bench;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.TemplateParser;
import cn.duban.document.NoticeDocument;
import cn.duban.document.NoticeDocx;
import cn.duban.document.NoticePdf;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * What a PDF of the notice costs against its Word file (the baseline, in the same run): the seed 3·15 notice (six
 * A4 pages with its attachment's table) written by {@link NoticeDocx} and by {@link NoticePdf}, median of
 * {@code rounds} after two warm-ups, and the first PDF of a fresh JVM (which reads the 14 MB of fonts). No Spring,
 * no database. {@code java … cn.duban.bench.NoticeDocumentBenchmark [rounds]}
 */
public final class NoticeDocumentBenchmark {

    public static void main(String[] args) throws Exception {
        System.out.println(Bench.machine(null));
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        CampaignTemplate t = TemplateParser.parse(new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml")
                .getContentAsString(StandardCharsets.UTF_8));
        NoticeDocument d = NoticeDocument.of(t, t.title(), "沂卫字〔2024〕12号", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 3, 6),
                s -> s.units().isEmpty() ? List.of("各单位") : s.units().stream().map(u -> u + "名").toList());
        long firstPdf = Timing.time(() -> NoticePdf.write(d, new ByteArrayOutputStream()));
        int[] size = new int[2];
        double docx = Timing.median(rounds, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NoticeDocx.write(d, out);
            size[0] = out.size();
            return out;
        });
        double pdf = Timing.median(rounds, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NoticePdf.write(d, out);
            size[1] = out.size();
            return out;
        });
        System.out.println("| what | ms | KB | × baseline |");
        System.out.println("| --- | ---: | ---: | ---: |");
        System.out.printf("| Word (.docx, baseline) | %s | %d | 1.0 |%n", Timing.ms(docx), size[0] / 1024);
        System.out.printf("| PDF | %s | %d | %s |%n", Timing.ms(pdf), size[1] / 1024, Timing.ratio(pdf, docx));
        System.out.printf("| first PDF of the JVM (fonts read, classes loaded) | %s | | %s |%n", Timing.ms(firstPdf), Timing.ratio(firstPdf, docx));
        System.out.printf("(heap used after: %d MB)%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
    }
}
