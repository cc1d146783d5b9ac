package org.ludus.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pages of a session in order: every app of the config, every round, every page. */
public record PageSequence(List<PageRef> pages) {

    public static PageSequence of(List<App> apps) {
        var pages = new ArrayList<PageRef>();
        for (App app : apps) {
            for (int round = 1; round <= app.numRounds(); round++) {
                for (Class<? extends Page<?>> page : app.pages()) {
                    pages.add(new PageRef(pages.size(), app, round, page));
                }
            }
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
