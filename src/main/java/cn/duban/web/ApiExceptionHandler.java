package cn.duban.web;

import cn.duban.campaign.CampaignException;
import cn.duban.campaign.TemplateException;
import cn.duban.report.ReportException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Every refusal of duban's API is a JSON body with a Chinese {@code message}. */
@RestControllerAdvice(basePackages = "cn.duban")
class ApiExceptionHandler {

    @ExceptionHandler(ReportException.class)
    ResponseEntity<Map<String, Object>> report(ReportException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        body.put("fieldErrors", e.fieldErrors());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(TemplateException.class)
    ResponseEntity<Map<String, Object>> template(TemplateException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "problems", e.problems()));
    }

    @ExceptionHandler(CampaignException.class)
    ResponseEntity<Map<String, Object>> campaign(CampaignException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Map<String, Object>> forbidden(Forbidden e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
    }

    /**
     * The database is out of reach: 503 and "try again" (the request's transaction wrote nothing). Any other
     * failure of these kinds goes on to Spring's default handling.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.TransactionException.class,
            org.camunda.bpm.engine.ProcessEngineException.class})
    ResponseEntity<Map<String, Object>> databaseDown(RuntimeException e) {
        if (!DatabaseDown.is(e)) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(Map.of("message", DatabaseDown.MESSAGE));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("message", "上传的文件过大"));
    }
}
