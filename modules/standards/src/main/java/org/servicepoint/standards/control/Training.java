package org.servicepoint.standards.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.standards.entity.AdoptedStandard;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.StandardKind;
import org.servicepoint.standards.entity.StandardText;
import org.servicepoint.standards.entity.TrainingAnswer;

/**
 * Training: the library system's adopted scenarios, a staff member's answer to one (whether it was the recommended
 * choice, which one is and why; answering marks the scenario done), and how far the staff have got. Completion is
 * shown to persons in charge for their own branch and to headquarters and tenant administrators for every branch,
 * from staffing's roster; staff are matched to their answers by their sign-in name.
 */
@ApplicationScoped
public class Training {

    @PersistenceContext(unitName = "standards")
    EntityManager em;

    @Inject
    TenantWork work;

    @Inject
    ServiceStandards standards;

    @Inject
    Roster roster;

    Clock clock = Clock.systemUTC();

    @Transactional
    public List<TrainingViews.Scenario> scenarios(TenantId tenant, Caller caller, Locale language) {
        requireStaff(caller, tenant);
        List<AdoptedStandard> scenarios = scenarios(tenant, caller);
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        Map<String, String> chosen = new HashMap<>();
        answersOf(at.db(), caller.name()).forEach(a -> chosen.put(a.scenarioId(), a.choice()));
        Language shown = Language.of(language);
        return scenarios.stream().map(s -> {
            StandardText text = s.text().shownIn(shown);
            return new TrainingViews.Scenario(s.id(), text.title(), text.scenario().situation(),
                    StandardView.Choice.of(text.scenario().choices()), chosen.containsKey(s.id()), chosen.get(s.id()));
        }).toList();
    }

    /** Records the caller's answer (a new answer replaces the last) and says how it compares; audited. */
    @Transactional
    public TrainingViews.Answer answer(TenantId tenant, Caller caller, String scenarioId, String choice, Locale language) {
        requireStaff(caller, tenant);
        AdoptedStandard scenario = scenarios(tenant, caller).stream().filter(s -> s.id().equals(scenarioId)).findFirst()
                .orElseThrow(() -> Refusal.notFound(Text.of("standards.not-found.scenario", scenarioId)));
        StandardText.Scenario words = scenario.text().shownIn(Language.of(language)).scenario();
        Set<String> keys = words.choices().stream().map(StandardText.Choice::key).collect(Collectors.toSet());
        if (choice == null || !keys.contains(choice)) {
            throw Refusal.invalid("choice", Text.of("standards.choice.unknown",
                    words.choices().stream().map(StandardText.Choice::key).collect(Collectors.joining(", "))));
        }
        boolean correct = choice.equals(words.recommended());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        EntityManager db = at.db();
        TrainingAnswer answer = answersOf(db, caller.name()).stream().filter(a -> a.scenarioId().equals(scenarioId))
                .findFirst().orElse(null);
        if (answer == null) {
            db.persist(new TrainingAnswer(caller.name(), scenarioId, choice, correct, now));
        } else {
            answer.answer(choice, correct, now);
        }
        db.flush();
        at.audit("training.answer", "tenant/" + tenant + "/training/" + scenarioId, "choice " + choice
                + (correct ? " (the recommended one)" : " (recommended: " + words.recommended() + ")"));
        return new TrainingViews.Answer(scenarioId, choice, correct, words.recommended(), words.why(), now);
    }

    /**
     * How many of the library system's current scenarios each active staff member has done: a person in charge sees
     * their own branch, headquarters and tenant administrators every branch or the one asked for.
     */
    @Transactional
    public TrainingViews.Completion completion(TenantId tenant, Caller caller, String branch) {
        requireStaff(caller, tenant);
        if (!caller.roles().contains(Roles.PERSON_IN_CHARGE) && !BranchScope.acrossBranches(caller)) {
            throw Refusal.forbidden(Text.of("platform.forbidden.role"));
        }
        String narrowed = BranchScope.narrow(caller, branch == null || branch.isBlank() ? null : branch.strip());
        Set<String> current = scenarios(tenant, caller).stream().map(AdoptedStandard::id).collect(Collectors.toSet());
        List<StaffRecord> people = roster.list(tenant, caller, narrowed, false);
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        Map<String, Long> done = at.db().createQuery("select a from TrainingAnswer a", TrainingAnswer.class).getResultStream()
                .filter(a -> current.contains(a.scenarioId()))
                .collect(Collectors.groupingBy(TrainingAnswer::staffUsername, Collectors.counting()));
        return new TrainingViews.Completion(current.size(), people.stream()
                .map(p -> new TrainingViews.Person(p.id(), p.tagName(), p.branch(),
                        p.username() == null ? 0 : done.getOrDefault(p.username(), 0L).intValue()))
                .toList());
    }

    private List<AdoptedStandard> scenarios(TenantId tenant, Caller caller) {
        return standards.effective(tenant, caller).standards().stream().filter(s -> s.kind() == StandardKind.SCENARIO).toList();
    }

    private static List<TrainingAnswer> answersOf(EntityManager bound, String username) {
        return bound.createQuery("select a from TrainingAnswer a where a.staffUsername = :me", TrainingAnswer.class)
                .setParameter("me", username).getResultList();
    }

    private static void requireStaff(Caller caller, TenantId tenant) {
        if (!caller.isStaffOf(tenant) && caller.kind() != Caller.Kind.SYSTEM) {
            throw Refusal.forbidden(Text.of("platform.forbidden.role"));
        }
    }
}
