package org.ludus.schema;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.TargetDescriptor;
import org.ludus.Settings;

/**
 * The schema at deploy (decision 0024), run by Hibernate while it builds the persistence unit, after reading the
 * mapping and before anything uses the database (found through META-INF/services: persistence.xml's
 * hibernate.integrator_provider would be loaded from WildFly's Hibernate module, which cannot see the WAR):
 * <ol>
 * <li>Liquibase applies Ludus's changelog, then each app's ({@code <app package>/changelog.xml}), baselining a
 * database of an earlier release ({@link Changelogs});</li>
 * <li>on a development server ({@code LUDUS_SCHEMA=update}) Hibernate's schema update then adds what the apps'
 * entities have and their changelogs lack, on the apps' tables only;</li>
 * <li>Hibernate validates every mapped table and column; a mismatch stops the deployment with a message naming it.</li>
 * </ol>
 */
public class SchemaMigrations implements Integrator {

    /** What the server does with the apps' tables: LUDUS_SCHEMA / -Dludus.schema. */
    public enum Mode {
        /** production, the default: apply the changelogs, refuse to deploy on any difference left */
        VALIDATE,
        /** development (mvn wildfly:run sets it): the changelogs, then Hibernate makes the apps' tables match */
        UPDATE;

        public static Mode current() {
            String value = Settings.text("ludus.schema", "LUDUS_SCHEMA").orElse("validate");
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("ludus.schema / LUDUS_SCHEMA must be validate or update, not '" + value
                        + "'");
            }
        }
    }

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        AppSchema apps = AppSchema.of(metadata);
        apps.declareIndexes(metadata);
        ConnectionProvider connections = sessionFactory.getServiceRegistry().getService(ConnectionProvider.class);
        if (connections == null || !connections.isUnwrappableAs(DataSource.class)) {
            return; // no database: the mapping read outside a server (the changeset goal, docs/authoring.md)
        }
        Mode mode = Mode.current();
        ClassLoader loader = SchemaMigrations.class.getClassLoader();
        DataSource dataSource = connections.unwrap(DataSource.class);
        try {
            Changelogs.apply(dataSource, loader, Changelogs.LUDUS, Changelogs.LUDUS_ANCHOR);
            for (AppSchema.App app : apps.apps()) {
                if (Changelogs.exists(loader, app.changelog())) {
                    Changelogs.apply(dataSource, loader, app.changelog(), app.playerTable());
                }
            }
        } catch (Exception e) {
            throw new SchemaManagementException("Ludus could not apply the schema's changelogs: " + e.getMessage(), e);
        }
        Map<String, Object> settings = new HashMap<>(sessionFactory.getProperties());
        SchemaManagementTool tool = sessionFactory.getServiceRegistry().requireService(SchemaManagementTool.class);
        if (mode == Mode.UPDATE) {
            LOG.info("LUDUS_SCHEMA=update: the apps' tables are made to match their entities (a development server)");
            tool.getSchemaMigrator(settings).doMigration(metadata, options(settings, apps.appsOnly()),
                    ContributableMatcher.ALL, DATABASE);
        }
        try {
            tool.getSchemaValidator(settings).doValidation(metadata, options(settings, SchemaFilter.ALL),
                    ContributableMatcher.ALL);
        } catch (SchemaManagementException mismatch) {
            throw new SchemaManagementException(explain(mismatch.getMessage(), apps, mode), mismatch);
        }
    }

    /** The validator's own words (which table, which column) and what to do about it. */
    static String explain(String mismatch, AppSchema apps, Mode mode) {
        String table = mismatch.replaceAll("(?s).*(?:table|in table) \\[([^\\]]+)\\].*", "$1");
        var app = apps.apps().stream().filter(a -> a.tables().contains(tableName(table))).findFirst();
        String what = app.map(a -> "The table belongs to the app " + a.packageName() + ": its changes come from its"
                        + " changelog, " + a.changelog() + ", written with the changeset goal and reviewed"
                        + " (docs/authoring.md, \"Changing an app's tables\")"
                        + (mode == Mode.VALIDATE ? "; a development server (LUDUS_SCHEMA=update) makes them from the"
                        + " entities instead" : ""))
                .orElse("The table is Ludus's own, kept by " + Changelogs.LUDUS + ": this WAR and this database do"
                        + " not belong together");
        return "Ludus refuses to deploy: the database does not match the entities (LUDUS_SCHEMA=" + mode.name()
                .toLowerCase(Locale.ROOT) + "). " + mismatch + ". " + what + ".";
    }

    private static String tableName(String qualified) {
        String last = qualified.substring(qualified.lastIndexOf('.') + 1);
        return last.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    private static ExecutionOptions options(Map<String, Object> settings, SchemaFilter filter) {
        return SchemaManagementToolCoordinator.buildExecutionOptions(settings, filter, ExceptionHandlerHaltImpl.INSTANCE);
    }

    private static final TargetDescriptor DATABASE = new TargetDescriptor() {
        @Override
        public EnumSet<TargetType> getTargetTypes() {
            return EnumSet.of(TargetType.DATABASE);
        }

        @Override
        public ScriptTargetOutput getScriptTargetOutput() {
            return null;
        }
    };

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
    }
}
