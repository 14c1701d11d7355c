package dev.kubeclient.errors;

/**
 * The values of {@code Status.reason} the API server uses (apimachinery's {@code metav1.StatusReason*}). A reason
 * not listed here is treated as unknown, and the HTTP status code decides the exception type.
 */
public final class StatusReasons {

    /** 401: the request carried no valid credentials. */
    public static final String UNAUTHORIZED = "Unauthorized";
    /** 403: the caller may not perform the request. */
    public static final String FORBIDDEN = "Forbidden";
    /** 404: the resource does not exist. */
    public static final String NOT_FOUND = "NotFound";
    /** 409: a create found an object of that name. */
    public static final String ALREADY_EXISTS = "AlreadyExists";
    /** 409: an update lost an optimistic-concurrency race (stale resourceVersion) or an apply conflicted. */
    public static final String CONFLICT = "Conflict";
    /** 410: the resource is gone and will not come back. */
    public static final String GONE = "Gone";
    /** 410: the requested resourceVersion is older than the server keeps; list again. */
    public static final String EXPIRED = "Expired";
    /** 422: the object failed validation; the details name the fields. */
    public static final String INVALID = "Invalid";
    /** 500 or 504: the server could not finish in time and suggests retrying. */
    public static final String SERVER_TIMEOUT = "ServerTimeout";
    /** 500: the storage layer could not read the object. */
    public static final String STORE_READ_ERROR = "StoreReadError";
    /** 504: the request did not finish within its time limit. */
    public static final String TIMEOUT = "Timeout";
    /** 429: the server is rate limiting the client (API Priority and Fairness). */
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    /** 400: the request was malformed. */
    public static final String BAD_REQUEST = "BadRequest";
    /** 405: the resource does not support the verb. */
    public static final String METHOD_NOT_ALLOWED = "MethodNotAllowed";
    /** 406: none of the accepted media types can be produced. */
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    /** 413: the request body is too large. */
    public static final String REQUEST_ENTITY_TOO_LARGE = "RequestEntityTooLarge";
    /** 415: the request's content type is not supported. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    /** 500: an unexpected server error. */
    public static final String INTERNAL_ERROR = "InternalError";
    /** 503: the server (or an aggregated API behind it) is unavailable. */
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    private StatusReasons() {
    }
}
