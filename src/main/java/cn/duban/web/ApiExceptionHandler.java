package cn.duban.web;

import cn.duban.support.Refusal;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Every answer of duban's API that is not a success is a JSON body with a Chinese {@code message}: a refusal with
 * its own status, a malformed request with 4xx, and anything unforeseen with 500 and a reference the operator finds
 * in the log, never a stack trace or an engine message. It applies to every Spring MVC handler (Camunda's webapps
 * answer through JAX-RS, not here), including failures before a handler is chosen, such as an upload over the
 * container's multipart limit.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Whatever a feature refuses: its own status, the message alone, and what a form needs to show it at the field. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> refused(Refusal e) {
        if (e instanceof cn.duban.support.TooManyRequests tooMany) {
            return ResponseEntity.status(e.status()).header("Retry-After", String.valueOf(tooMany.retryAfterSeconds())).body(e.body());
        }
        return ResponseEntity.status(e.status()).body(e.body());
    }

    /**
     * The database is out of reach: 503 and "try again" (the request's transaction wrote nothing). Any other
     * failure of these kinds is unforeseen.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.TransactionException.class,
            org.camunda.bpm.engine.ProcessEngineException.class})
    ResponseEntity<Map<String, Object>> databaseDown(RuntimeException e) {
        Refusal refusal = Refusal.in(e);
        if (refusal != null) {
            return refused(refusal);
        }
        if (!DatabaseDown.is(e)) {
            return unforeseen(e);
        }
        return unavailable();
    }

    /** Over the container's multipart limit (set above duban's own per-file limit, which answers first). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(Map.of("message", "上传的文件过大，超过了系统允许的上限；请压缩或拆分后再上传"));
    }

    @ExceptionHandler({MultipartException.class, HttpMessageNotReadableException.class, TypeMismatchException.class})
    ResponseEntity<Map<String, Object>> malformed(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("message", "请求格式不正确，请刷新页面后重试"));
    }

    /**
     * Everything else. Matched on the thrown exception before its causes, so a refusal or a lost database inside a
     * wrapper is looked for here; Spring's own answers (404, 405, a missing parameter, …) keep their status, with
     * a Chinese message; the rest is unforeseen.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> other(Exception e) {
        Refusal refusal = Refusal.in(e);
        if (refusal != null) {
            return refused(refusal);
        }
        if (DatabaseDown.is(e)) {
            return unavailable();
        }
        if (e instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException
                || e.getClass().getSimpleName().equals("ClientAbortException")) {
            return null; // the client went away mid-download: nobody to answer
        }
        if (e instanceof ErrorResponse er && er.getStatusCode().value() < 500) {
            int status = er.getStatusCode().value();
            String message = switch (status) {
                case 404 -> "请求的内容不存在";
                case 405 -> "不支持此操作";
                case 406, 415 -> "请求或应答的格式不受支持";
                default -> "请求不正确，请刷新页面后重试";
            };
            return ResponseEntity.status(status).body(Map.of("message", message));
        }
        return unforeseen(e);
    }

    private static ResponseEntity<Map<String, Object>> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", DatabaseDown.RETRY_AFTER_SECONDS)
                .body(Map.of("message", DatabaseDown.MESSAGE));
    }

    private static ResponseEntity<Map<String, Object>> unforeseen(Exception e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("未预期的错误（编号 {}）", reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("message",
                "系统出错，操作未完成。请稍后重试；如仍失败，请把错误编号 " + reference + " 告诉运维人员。", "reference", reference));
    }
}
