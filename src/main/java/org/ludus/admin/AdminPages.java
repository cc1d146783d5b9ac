package org.ludus.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ludus.export.CustomExports;
import org.ludus.lab.LabUser;
import org.ludus.lab.LabUsers;
import org.ludus.lab.Permission;
import org.ludus.lab.SessionAccess;
import org.ludus.page.App;
import org.ludus.page.Apps;
import org.ludus.page.PageBeans;
import org.ludus.page.PageSequence;
import org.ludus.session.ExperimentSession;
import org.ludus.session.Participant;
import org.ludus.session.Payoffs;
import org.ludus.session.Room;
import org.ludus.session.RoomAssignments;
import org.ludus.session.Rooms;
import org.ludus.session.SessionConfig;
import org.ludus.session.SessionConfigs;
import org.ludus.session.Sessions;

/** The data behind each admin page, read in one transaction (templates then only read plain values). */
@ApplicationScoped
public class AdminPages {

    /** A file to download: what it is, and its path under /admin/exports/ (the same files as /api/exports/). */
    public record ExportLink(String label, String path) {
    }

    /** A payments row: points and money per participant. */
    public record Payment(int idInSession, String code, String label, BigDecimal points, BigDecimal currency,
            BigDecimal fee, BigDecimal total) {
    }

    @Inject
    Sessions sessions;

    @Inject
    CustomExports customExports;

    @Inject
    SessionConfigs configs;

    @Inject
    Rooms rooms;

    @Inject
    RoomAssignments assignments;

    @Inject
    Payoffs payoffs;

    @Inject
    SessionData data;

    @Inject
    Apps apps;

    @Inject
    PageBeans pageBeans;

    @Inject
    SessionAccess access;

    @Inject
    LabUsers users;

    @Transactional
    public Map<String, Object> sessionsList() {
        return Map.of("sessions", access.visible(), "configs", configs.all(), "rooms", rooms.all());
    }

    @Transactional
    public Map<String, Object> roomsList() {
        var list = new ArrayList<Map<String, Object>>();
        for (Room room : rooms.all()) {
            var row = new HashMap<String, Object>();
            row.put("room", room);
            row.put("labels", rooms.labelsOf(room).map(labels -> labels.size()).orElse(0));
            assignments.openSession(room).ifPresent(session -> row.put(
                    access.permission(session).allows(Permission.ASSIST) ? "session" : "others_session", session.getCode()));
            list.add(row);
        }
        return Map.of("rooms", list);
    }

    /** A session's tab, for a caller allowed to see it (the servlet checked the tab against the permission). */
    @Transactional
    public Optional<Map<String, Object>> session(SessionAccess.Allowed allowed, String tab) {
        return sessions.find(allowed.session().getCode()).map(session -> {
            var view = new HashMap<String, Object>();
            view.put("session", session);
            view.put("tab", tab);
            view.put("can_research", allowed.allows(Permission.RESEARCH));
            view.put("can_share", allowed.allows(Permission.OWN));
            view.put("owner_name", nameOf(session.getOwner()));
            if ("links".equals(tab) && allowed.allows(Permission.OWN)) {
                view.put("shares", access.shares(session).stream().map(share -> Map.of("subject", share.getSubject(),
                        "name", nameOf(share.getSubject()), "role", share.getRole())).toList());
                view.put("lab_users", users.all().stream().filter(user -> !user.getSubject().equals(session.getOwner()))
                        .toList());
            }
            try {
                pageBeans.sequenceOf(session);
            } catch (PageSequence.AppGone gone) {
                view.put("problem", gone.getMessage());
            }
            view.put("config", sessions.config(session));
            List<Participant> participants = sessions.participants(session);
            view.put("participants", participants);
            switch (tab) {
                case "data" -> {
                    view.put("tables", data.tables(session));
                    view.put("exports", exportLinks(appSequence(sessions.config(session)),
                            "?session=" + session.getCode()));
                }
                case "payments" -> view.put("payments", payments(session, participants));
                default -> { }
            }
            return view;
        });
    }

    /** The admin's page of every session's data: the same files, over all sessions. */
    public Map<String, Object> allData() {
        List<String> appNames = apps.all().stream().map(App::name).sorted().toList();
        return Map.of("exports", exportLinks(appNames, ""));
    }

    /** A lab user's name to show, from their subject. */
    private String nameOf(String subject) {
        if (subject == null) {
            return "nobody (from before owners were kept)";
        }
        return users.find(subject).map(LabUser::getName).orElse(subject);
    }

    private static List<String> appSequence(Map<String, Object> config) {
        return config.get("app_sequence") instanceof List<?> names ? names.stream().map(String::valueOf).toList()
                : List.of();
    }

    /** Every export for these apps; {@code query} scopes them ("?session=…", or "" for all sessions). */
    private List<ExportLink> exportLinks(List<String> appNames, String query) {
        var links = new ArrayList<ExportLink>();
        links.add(new ExportLink("All apps, wide (a row per participant)", "all_apps_wide" + query));
        for (String name : appNames) {
            links.add(new ExportLink(name + " (a row per player and round)", "apps/" + name + query));
            if (apps.find(name).flatMap(customExports::of).isPresent()) {
                links.add(new ExportLink(name + ": the app's own export", "custom/" + name + query));
            }
            links.add(new ExportLink(name + ": codebook", "codebook/" + name));
        }
        links.add(new ExportLink("Page times", "page_times" + query));
        links.add(new ExportLink("Live messages (every committed message, in each group's order)",
                "live_messages" + query));
        return links;
    }

    private List<Payment> payments(ExperimentSession session, List<Participant> participants) {
        Map<String, Object> config = sessions.config(session);
        BigDecimal fee = new BigDecimal(String.valueOf(config.get(SessionConfig.PARTICIPATION_FEE)));
        Map<Long, BigDecimal> points = payoffs.inPoints(session);
        Map<Long, BigDecimal> money = payoffs.inRealWorldCurrency(session);
        return participants.stream().map(p -> {
            BigDecimal currency = money.getOrDefault(p.getId(), BigDecimal.ZERO);
            return new Payment(p.getIdInSession(), p.getCode(), p.getLabel() == null ? "" : p.getLabel(),
                    points.getOrDefault(p.getId(), BigDecimal.ZERO), currency, fee, currency.add(fee));
        }).toList();
    }
}
