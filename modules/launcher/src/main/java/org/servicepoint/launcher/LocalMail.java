package org.servicepoint.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * For the local run only: a real SMTP server on localhost that keeps what the application mails (signed incident
 * reports, overdue notices) as .eml files in the state folder, where any mail program opens them. Nothing leaves
 * the machine.
 */
final class LocalMail implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GreenMail smtp;
    private final Path folder;
    private final ScheduledExecutorService writer;
    private int written;

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

    private synchronized void writeNew() {
        MimeMessage[] received = smtp.getReceivedMessages();
        for (; written < received.length; written++) {
            MimeMessage message = received[written];
            try {
                String to = message.getRecipients(Message.RecipientType.TO)[0].toString().replaceAll("[^A-Za-z0-9@._-]", "_");
                Path file = folder.resolve(LocalDateTime.now().format(STAMP) + "-" + (written + 1) + "-" + to + ".eml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
            } catch (Exception e) {
                System.err.println("[servicepoint] could not keep a local mail: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        writeNew();
        smtp.stop();
    }
}
