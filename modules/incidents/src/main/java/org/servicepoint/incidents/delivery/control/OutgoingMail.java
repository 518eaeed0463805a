package org.servicepoint.incidents.delivery.control;

/** One message as the worker sends it; the Message-ID is the delivery's own, the same on every try. */
public record OutgoingMail(String to, String subject, String text, byte[] pdf, String pdfName, String messageId,
                           String deliveryId) {
}
