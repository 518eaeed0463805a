package org.servicepoint.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * For the local run only: a real SMTP server on localhost that keeps what the application mails (signed incident
 * reports, overdue notices) as .eml files in the state folder, where any mail program opens them. Nothing leaves
 * the machine. Each message a mailbox received is written once, named by when it arrived, to whom and what about
 * (e.g. {@code 20261203-094812-bo@riverbend.example-Incident-report-Theft-Pine-Hollow-3.eml}).
 */
final class LocalMail implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GreenMail smtp;
    private final Path folder;
    private final ScheduledExecutorService writer;
    // GreenMail keeps mail per mailbox, so its list of all received mail is not in arrival order and an index into it
    // shifts as mail arrives: a message is known by its mailbox and its UID there.
    private final Set<String> written = new HashSet<>();

    private LocalMail(GreenMail smtp, Path folder) {
        this.smtp = smtp;
        this.folder = folder;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-mail");
            t.setDaemon(true);
            return t;
        });
    }

    static LocalMail start(Path folder, int port) throws Exception {
        Files.createDirectories(folder);
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        LocalMail mail = new LocalMail(smtp, folder);
        mail.writer.scheduleWithFixedDelay(mail::writeNew, 1, 1, TimeUnit.SECONDS);
        return mail;
    }

    Path folder() {
        return folder;
    }

    /** Writes every message not written yet; answers how many it wrote. */
    synchronized int writeNew() {
        int count = 0;
        for (GreenMailUser mailbox : smtp.getUserManager().listUser()) {
            List<StoredMessage> messages;
            try {
                messages = smtp.getManagers().getImapHostManager().getInbox(mailbox).getMessages();
            } catch (FolderException e) {
                System.err.println("[servicepoint] could not read the local mailbox of " + mailbox.getEmail() + ": " + e.getMessage());
                continue;
            }
            for (StoredMessage stored : messages) {
                String key = mailbox.getEmail() + "#" + stored.getUid();
                if (written.contains(key)) {
                    continue;
                }
                try {
                    Path file = fileFor(stored, mailbox.getEmail());
                    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                        stored.getMimeMessage().writeTo(out);
                    }
                    written.add(key);
                    count++;
                } catch (Exception e) {
                    System.err.println("[servicepoint] could not keep a local mail: " + e.getMessage());
                }
            }
        }
        return count;
    }

    /** A new file named by arrival time, recipient and subject; a number is added if that name is taken. */
    private Path fileFor(StoredMessage stored, String recipient) throws Exception {
        LocalDateTime arrived = LocalDateTime.ofInstant(stored.getReceivedDate().toInstant(), ZoneId.systemDefault());
        String subject = stored.getMimeMessage().getSubject();
        String name = arrived.format(STAMP) + "-" + safe(recipient, 80) + (subject == null ? "" : "-" + safe(subject, 60));
        Path file = folder.resolve(name + ".eml");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(name + "-" + n + ".eml");
        }
        return file;
    }

    /** Letters, digits and a few signs; other runs of characters become one dash. */
    static String safe(String text, int max) {
        String s = text.replaceAll("[^A-Za-z0-9@._-]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > max ? s.substring(0, max) : s;
    }

    @Override
    public void close() {
        writer.shutdownNow();
        writeNew();
        smtp.stop();
    }
}
