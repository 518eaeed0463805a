package org.servicepoint.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.servicepoint.platform.control.RequestIds;

/**
 * Prefixes every log line written while a request is served with its request id, whoever logs it
 * (our code, EclipseLink, the container), by wrapping the filters of the root log handlers.
 */
@ApplicationScoped
public class RequestIdLogging {

    private final List<Handler> wrapped = new ArrayList<>();
    private final List<Filter> previous = new ArrayList<>();

    void install(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            Filter before = handler.getFilter();
            handler.setFilter(new Prefixing(before));
            wrapped.add(handler);
            previous.add(before);
        }
    }

    void uninstall(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        for (int i = 0; i < wrapped.size(); i++) {
            wrapped.get(i).setFilter(previous.get(i));
        }
        wrapped.clear();
        previous.clear();
    }

    static final class Prefixing implements Filter {
        private final Filter next;

        Prefixing(Filter next) {
            this.next = next;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            if (next != null && !next.isLoggable(record)) {
                return false;
            }
            String id = RequestIds.current();
            String message = record.getMessage();
            if (id != null && message != null && !message.startsWith("[request ")) {
                record.setMessage("[request " + id + "] " + message);
            }
            return true;
        }
    }
}
