package org.ludus.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.ludus.session.BaseGroup;
import org.ludus.session.BasePlayer;
import org.ludus.session.ExtraModel;

/**
 * Where an app's entities live in the database: the table of its player and of its group, and the app's own
 * fields of each (those declared below {@link BasePlayer} / {@link BaseGroup}), in declaration order, each
 * with its column name as Hibernate maps it. Exports and the admin's Data tab name columns by these names
 * ({@code group.highest_bid}, as oTree's files do).
 */
@ApplicationScoped
public class AppTables {

    /** An app field: its Java field and its column. */
    public record AppField(Field field, String column) {

        /** The field's value on a loaded entity. */
        public Object read(Object entity) {
            try {
                return field.get(org.hibernate.Hibernate.unproxy(entity));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An entity's table and the app's own fields in it. */
    public record Table(String name, List<AppField> fields) {
    }

    @PersistenceUnit
    EntityManagerFactory entityManagerFactory;

    private final Map<Class<?>, Table> tables = new ConcurrentHashMap<>();

    public Table players(App app) {
        return tables.computeIfAbsent(app.playerClass(), type -> read(type, BasePlayer.class));
    }

    public Table groups(App app) {
        return tables.computeIfAbsent(app.groupClass(), type -> read(type, BaseGroup.class));
    }

    /**
     * The app's {@link ExtraModel} entities (those in the package of the app's group), each with its table and own fields,
     * in name order.
     */
    public List<Model> extraModels(App app) {
        // the group entity's package: an app bean may reach us as a proxy of its interfaces (App$…$Proxy)
        return extraModels.computeIfAbsent(app.groupClass(), group -> {
            String appPackage = group.getPackageName();
            var entities = new ArrayList<Class<?>>();
            entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                    .forEachEntityDescriptor(descriptor -> entities.add(descriptor.getMappedClass()));
            return entities.stream()
                    .filter(entity -> ExtraModel.class.isAssignableFrom(entity)
                            && entity.getPackageName().equals(appPackage))
                    .sorted(java.util.Comparator.comparing(Class::getName))
                    .map(entity -> new Model(entity, read(entity, ExtraModel.class)))
                    .toList();
        });
    }

    /** An extra model: its entity class and its table. */
    public record Model(Class<?> entity, Table table) {
    }

    private final Map<Class<?>, List<Model>> extraModels = new ConcurrentHashMap<>();

    /** The table an entity is mapped to. */
    public String tableOf(Class<?> entity) {
        return ((AbstractEntityPersister) persister(entity)).getTableName();
    }

    private EntityPersister persister(Class<?> entity) {
        return entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(entity);
    }

    private Table read(Class<?> entity, Class<?> base) {
        EntityPersister persister = persister(entity);
        var chain = new ArrayList<Class<?>>();
        for (Class<?> c = entity; c != null && c != base && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        var fields = new ArrayList<AppField>();
        for (Class<?> c : chain) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                // only what is one column: relationships and embeddables are not a cell
                AttributeMapping mapping = persister.findAttributeMapping(field.getName());
                if (mapping instanceof BasicValuedModelPart basic) {
                    field.setAccessible(true);
                    String column = basic.getSelectionExpression();
                    fields.add(new AppField(field, column));
                }
            }
        }
        return new Table(tableOf(entity), List.copyOf(fields));
    }
}
