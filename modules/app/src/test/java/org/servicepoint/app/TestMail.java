package org.servicepoint.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real SMTP server (GreenMail) in the test JVM, for the application to mail incident reports to. Kept apart from
 * the test class, which is also deployed into the container, where GreenMail is not.
 *
 * <p>GreenMail lists what it received mailbox by mailbox, in the order the mailboxes were made, so a new message to an
 * address that had mail before lands in the middle of its list. Tests count "what came after this point", so every
 * look goes through {@link #received()}, which keeps the messages in the order this class first saw them.
 */
final class TestMail {

    private static GreenMail smtp;
    /** Every message seen so far, in the order first seen. */
    private static final List<MimeMessage> SEEN = new ArrayList<>();
    /** How many copies of each message (by Message-ID and recipients) are in {@link #SEEN}. */
    private static final Map<String, Integer> SEEN_COPIES = new java.util.HashMap<>();

    private TestMail() {
    }

    static synchronized int start() {
        if (smtp == null) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        return smtp.getSmtp().getPort();
    }

    /** A mark for "after this point": how many messages have been received so far. */
    static synchronized int messageCount() {
        return received().length;
    }

    /**
     * What GreenMail received, new messages after all that was seen before. A message to several addresses is one copy
     * per mailbox, so copies are counted rather than told apart.
     */
    private static MimeMessage[] received() {
        Map<String, Integer> inSnapshot = new java.util.HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String key = keyOf(m);
            int copy = inSnapshot.merge(key, 1, Integer::sum);
            if (copy > SEEN_COPIES.getOrDefault(key, 0)) {
                SEEN_COPIES.put(key, copy);
                SEEN.add(m);
            }
        }
        return SEEN.toArray(MimeMessage[]::new);
    }

    private static String keyOf(MimeMessage m) {
        try {
            String[] id = m.getHeader("Message-ID");
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            return (id == null ? "no-id " + m.getSubject() + " " + m.getSentDate() : id[0]) + " " + (to == null ? "" : Arrays.toString(to));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many received messages carry exactly this Message-ID. */
    static synchronized int withMessageId(String messageId) {
        int n = 0;
        try {
            for (MimeMessage m : received()) {
                String[] ids = m.getHeader("Message-ID");
                if (ids != null && ids[0].equals(messageId)) {
                    n++;
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    /** Messages received for one report (its id is in the Message-ID), per recipient address. */
    static synchronized Map<String, Integer> countsFor(String reportId) throws MessagingException {
        Map<String, Integer> counts = new TreeMap<>();
        for (MimeMessage m : received()) {
            if (m.getHeader("Message-ID")[0].contains(reportId)) {
                counts.merge(m.getRecipients(Message.RecipientType.TO)[0].toString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The subject and text of each message received for one address, in the order received. */
    static synchronized List<String> textsTo(String address) {
        List<String> texts = new ArrayList<>();
        try {
            for (MimeMessage m : received()) {
                Address[] to = m.getRecipients(Message.RecipientType.TO);
                if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address))) {
                    texts.add(m.getSubject() + "\n" + text(m.getContent()));
                }
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart parts) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                all.append(text(parts.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    /**
     * How many messages received after the first {@code skip} went to {@code address} with {@code inSubject} in their
     * subject (earlier deployments of the run write to the same server, with references of their own database).
     */
    static synchronized int to(int skip, String address, String inSubject) throws MessagingException {
        int n = 0;
        MimeMessage[] received = received();
        for (MimeMessage m : java.util.Arrays.copyOfRange(received, Math.min(skip, received.length), received.length)) {
            var recipients = m.getRecipients(Message.RecipientType.TO);
            if (recipients != null && recipients[0].toString().contains(address) && m.getSubject() != null
                    && m.getSubject().contains(inSubject)) {
                n++;
            }
        }
        return n;
    }

    /** The text of the first message after the first {@code skip} to {@code address} with {@code inSubject} in its subject. */
    static synchronized String textTo(int skip, String address, String inSubject) throws Exception {
        MimeMessage[] received = received();
        for (MimeMessage m : java.util.Arrays.copyOfRange(received, Math.min(skip, received.length), received.length)) {
            var recipients = m.getRecipients(Message.RecipientType.TO);
            if (recipients != null && recipients[0].toString().contains(address) && m.getSubject() != null
                    && m.getSubject().contains(inSubject)) {
                return com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
            }
        }
        return null;
    }
    /** The Message-IDs of the messages received for one address, in the order they came (a patron's, say). */
    static synchronized java.util.List<String> messageIdsTo(String address) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try {
            for (MimeMessage m : received()) {
                if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                    ids.add(m.getHeader("Message-ID")[0]);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** The Message-IDs received per recipient address (the first To of each message). */
    static synchronized Map<String, List<String>> messageIdsByAddress() {
        Map<String, List<String>> ids = new TreeMap<>();
        try {
            for (MimeMessage m : received()) {
                Address[] to = m.getRecipients(Message.RecipientType.TO);
                String[] id = m.getHeader("Message-ID");
                if (to != null && id != null) {
                    ids.computeIfAbsent(to[0].toString(), a -> new ArrayList<>()).add(id[0]);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }
}
