package headwater.app.billing;

import headwater.app.config.BillingConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Plain-text e-mail through the configured SMTP relay (Jakarta Mail), with timeouts, STARTTLS required when set. */
public final class Mailer {

    private final Session session;
    private final InternetAddress from;

    public Mailer(BillingConfig.Smtp smtp) {
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        if (smtp.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        Authenticator authenticator = null;
        if (smtp.username().isPresent()) {
            props.put("mail.smtp.auth", "true");
            String user = smtp.username().get();
            String password = smtp.password().orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(props, authenticator);
        try {
            this.from = new InternetAddress(smtp.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("billing.mailFrom is not an e-mail address: " + e.getMessage(), e);
        }
    }

    /** Sends one message; blocking. */
    public void send(String to, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        Transport.send(message);
    }
}
