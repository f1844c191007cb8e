package cn.datahub.system;

import java.util.List;

/**
 * One page of a listing: {@code total} matches, of which {@code items} are page {@code page} of size {@code size}.
 */
public record Page<T>(long total, int page, int size, List<T> items) {
}
