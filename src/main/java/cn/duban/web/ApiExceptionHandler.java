package cn.duban.web;

import cn.duban.support.Refusal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Every refusal of duban's API is a JSON body with a Chinese {@code message}. */
@RestControllerAdvice(basePackages = "cn.duban")
class ApiExceptionHandler {

    /** Whatever a feature refuses: its own status, the message alone, and what a form needs to show it at the field. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> refused(Refusal e) {
        return ResponseEntity.status(e.status()).body(e.body());
    }

    /**
     * The database is out of reach: 503 and "try again" (the request's transaction wrote nothing). Any other
     * failure of these kinds goes on to Spring's default handling.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.TransactionException.class,
            org.camunda.bpm.engine.ProcessEngineException.class})
    ResponseEntity<Map<String, Object>> databaseDown(RuntimeException e) {
        Refusal refusal = Refusal.in(e);
        if (refusal != null) {
            return refused(refusal);
        }
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
