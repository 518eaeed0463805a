package org.servicepoint.standards.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.DeskTopic;
import org.servicepoint.platform.control.DeskTopics;
import org.servicepoint.platform.entity.TenantId;

/** The service standards in the desk search ("How do I handle…"): principles, methods, guides, checklists, scenarios. */
@ApplicationScoped
public class StandardsDeskTopics implements DeskTopics {

    @Inject
    ServiceStandards standards;

    @Override
    public List<DeskTopic> find(TenantId tenant, Caller caller, String words, Locale language, int limit) {
        if (!caller.isStaffOf(tenant)) {
            return List.of();
        }
        return TopicSearch.find(standards.effective(tenant, caller), words,
                org.servicepoint.standards.entity.Language.of(language), limit);
    }
}
