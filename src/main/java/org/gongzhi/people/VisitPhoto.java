package org.gongzhi.people;

/**
 * The photo of a visit with its media type, for serving it to callers who may see the visit.
 */
public record VisitPhoto(String contentType, byte[] bytes) {
}
