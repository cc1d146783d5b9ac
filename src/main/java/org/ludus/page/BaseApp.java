package org.ludus.page;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.ludus.session.BaseGroup;
import org.ludus.session.BasePlayer;

/**
 * An app said once: {@code class AuctionApp extends BaseApp<AuctionGroup, AuctionPlayer>} with
 * {@code super(3, BidPage.class, "ResultsPage")}. Its name is its package's last part ({@code auction}), its
 * group and player entities come from the type arguments, and a page is a class or, when it is only a
 * template, the template's name.
 */
public abstract class BaseApp<G extends BaseGroup, P extends BasePlayer<G>> implements App {

    private final int playersPerGroup;
    private final Object[] pages;

    /**
     * @param playersPerGroup players per group; 0 puts all players of a round in one group
     * @param pages in order: page classes, and names of template-only pages
     */
    protected BaseApp(int playersPerGroup, Object... pages) {
        this.playersPerGroup = playersPerGroup;
        this.pages = pages.clone();
    }

    @Override
    public String name() {
        String packageName = userClass().getPackageName();
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }

    @Override
    public int playersPerGroup() {
        return playersPerGroup;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AppPage> pageSequence() {
        var sequence = new ArrayList<AppPage>();
        for (Object page : pages) {
            if (page instanceof Class<?> type && Page.class.isAssignableFrom(type)) {
                sequence.add(AppPage.of((Class<? extends Page<?>>) type));
            } else if (page instanceof String name) {
                sequence.add(AppPage.template(userClass(), name));
            } else {
                throw new IllegalStateException(userClass().getName() + ": a page is a Page class or a template's"
                        + " name, not " + page);
            }
        }
        return sequence;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<G> groupClass() {
        return (Class<G>) typeArgument(0);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<P> playerClass() {
        return (Class<P>) typeArgument(1);
    }

    private Class<?> userClass() {
        return PageClasses.userClass(getClass());
    }

    private Class<?> typeArgument(int index) {
        for (Class<?> c = userClass(); c != null; c = c.getSuperclass()) {
            Type parent = c.getGenericSuperclass();
            if (parent instanceof ParameterizedType type && type.getRawType() == BaseApp.class) {
                Type argument = type.getActualTypeArguments()[index];
                if (argument instanceof Class<?> entity) {
                    return entity;
                }
            }
        }
        throw new IllegalStateException(userClass().getName() + " must name its group and player entities:"
                + " extends BaseApp<MyGroup, MyPlayer>");
    }
}
