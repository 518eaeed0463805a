package org.servicepoint.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a resource method (or every method of a resource class) accepts, in bytes.
 * Without it an endpoint accepts {@link BodyLimits#DEFAULT_BYTES}. A larger body is refused with 413
 * before anything of it is used ({@link BodyLimits}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    long value();

    /** 1 KiB, for readable limits such as {@code @BodyLimit(512 * BodyLimit.KIB)}. */
    long KIB = 1024;
    long MIB = 1024 * KIB;
}
