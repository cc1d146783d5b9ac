package org.ludus.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pages of a session in order: every app of the config, every round, every page. */
public record PageSequence(List<PageRef> pages) {

    /** A session whose sequence names an app or page that is no longer deployed. */
    public static final class AppGone extends IllegalStateException {
        AppGone(String message) {
            super(message);
        }
    }

    public static PageSequence of(List<App> apps) {
        var pages = new ArrayList<PageRef>();
        for (App app : apps) {
            for (int round = 1; round <= app.numRounds(); round++) {
                for (AppPage page : app.pageSequence()) {
                    pages.add(new PageRef(pages.size(), app, round, page));
                }
            }
        }
        return new PageSequence(List.copyOf(pages));
    }

    /** As a session keeps it: one "app round page" line per page (a page class's name; a template page's as if it were a class). */
    public String frozen() {
        var text = new StringBuilder();
        for (PageRef page : pages) {
            text.append(page.app().name()).append(' ').append(page.round()).append(' ')
                    .append(page.page().key()).append('\n');
        }
        return text.toString();
    }

    /** The sequence a session kept, resolved against the deployed apps; AppGone if one is missing. */
    static PageSequence thawed(String frozen, Apps apps) {
        var pages = new ArrayList<PageRef>();
        for (String line : frozen.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(" ");
            App app = apps.find(parts[0]).orElseThrow(() -> new AppGone("the session's app '" + parts[0]
                    + "' is no longer deployed"));
            AppPage page = app.pageSequence().stream().filter(p -> p.key().equals(parts[2])).findFirst()
                    .orElseThrow(() -> new AppGone("the page " + parts[2] + " of the session's app '" + parts[0]
                            + "' is no longer deployed"));
            pages.add(new PageRef(pages.size(), app, Integer.parseInt(parts[1]), page));
        }
        return new PageSequence(List.copyOf(pages));
    }

    public Optional<PageRef> at(int index) {
        return index >= 0 && index < pages.size() ? Optional.of(pages.get(index)) : Optional.empty();
    }

    public int size() {
        return pages.size();
    }
}
