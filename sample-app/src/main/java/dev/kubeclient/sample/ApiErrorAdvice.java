package dev.kubeclient.sample;

import dev.kubeclient.discovery.NoMatchException;
import dev.kubeclient.errors.KubeApiException;
import org.springframework.core.retry.RetryException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns Kubernetes errors into HTTP answers: the API server's status code and message for a
 * {@link KubeApiException} (a 404 stays a 404, a 409 a 409), 404 for a resource name discovery does not know, 400
 * for a bad argument.
 */
@RestControllerAdvice
class ApiErrorAdvice {

    @ExceptionHandler(KubeApiException.class)
    ProblemDetail kubernetesError(KubeApiException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.code()), e.getMessage());
        problem.setProperty("reason", e.reason());
        return problem;
    }

    @ExceptionHandler(RetryException.class)
    ProblemDetail retriesExhausted(RetryException e) {
        if (e.getCause() instanceof KubeApiException api) {
            return kubernetesError(api);
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    }

    @ExceptionHandler(NoMatchException.class)
    ProblemDetail unknownResource(NoMatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
