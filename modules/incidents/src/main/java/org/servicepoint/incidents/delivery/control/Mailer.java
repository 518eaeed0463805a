package org.servicepoint.incidents.delivery.control;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Sends one message over SMTP with Jakarta Mail. Says whether a failure is worth trying again. */
public final class Mailer {

    private final MailSettings settings;
    private final Session session;

    public Mailer(MailSettings settings) {
        settings.check();
        this.settings = settings;
        this.session = Session.getInstance(settings.properties());
    }

    /** Why a send failed; {@code permanent} when the server refused the address itself (trying again cannot help). */
    public static final class Failure extends Exception {
        private final boolean permanent;

        public Failure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    public void send(OutgoingMail mail) throws Failure {
        try {
            MimeMessage message = new FixedIdMessage(session, mail.messageId());
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("X-ServicePoint-Delivery", mail.deliveryId());
            // Reports describe people: ask mail systems not to auto-forward or auto-reply.
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeMultipart parts = new MimeMultipart();
            parts.addBodyPart(text);
            if (mail.pdf() != null) {
                MimeBodyPart pdf = new MimeBodyPart();
                pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.pdf(), "application/pdf")));
                pdf.setFileName(mail.pdfName());
                pdf.setDisposition(MimeBodyPart.ATTACHMENT);
                parts.addBodyPart(pdf);
            }
            message.setContent(parts);
            message.saveChanges();
            if (settings.username() != null && !settings.username().isBlank()) {
                Transport.send(message, settings.username(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (AddressException e) {
            throw new Failure("not a usable address: " + MailErrors.withoutAddresses(e.getMessage()), true, e);
        } catch (SendFailedException e) {
            Address[] invalid = e.getInvalidAddresses();
            boolean refused = invalid != null && invalid.length > 0 && (e.getValidSentAddresses() == null
                    || e.getValidSentAddresses().length == 0) && (e.getValidUnsentAddresses() == null || e.getValidUnsentAddresses().length == 0);
            throw new Failure((refused ? "the mail server refused the address: " : "the mail server did not take the message: ")
                    + serverSaid(e), refused, e);
        } catch (MessagingException e) {
            throw new Failure("mail server unavailable: " + serverSaid(e), false, e);
        }
    }

    /** What the server or the connection said, innermost cause included, without any mail address. */
    static String serverSaid(Exception e) {
        StringBuilder said = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++) {
            if (cause.getMessage() != null && !said.toString().contains(cause.getMessage())) {
                said.append("; ").append(cause.getMessage());
            }
            cause = cause instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : cause.getCause();
        }
        return MailErrors.withoutAddresses(said.toString().replaceAll("[\\r\\n]+", " ").strip());
    }

    /** Keeps the Message-ID the delivery was given, instead of a new one per try. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
