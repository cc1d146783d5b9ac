package org.ludus.schema;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.core.Table;

/**
 * Applies changelogs with Liquibase: Ludus's own ({@value #LUDUS}) and each app's. A changelog whose changesets up to
 * the tag {@value #BASELINE} describe tables that an earlier release made with Hibernate's schema update, on a
 * database where those tables exist and none of its changesets ran, has them recorded as run instead of run: that
 * is the previous release's database, baselined, not made again.
 */
public final class Changelogs {

    /** Ludus's own tables (everything that is not an app's). */
    public static final String LUDUS = "db/ludus/changelog.xml";
    /** Ludus's own first table, present in every database an earlier release made. */
    static final String LUDUS_ANCHOR = "ludus_session";
    public static final String BASELINE = "baseline";

    private static final Logger LOG = Logger.getLogger(Changelogs.class.getName());

    private Changelogs() {
    }

    /** Whether the class path holds a changelog at {@code path}. */
    static boolean exists(ClassLoader loader, String path) {
        return loader.getResource(path) != null;
    }

    /**
     * Brings the database up to the changelog at {@code path} (a class path resource); {@code anchorTable}: a table
     * that exists wherever an earlier release made the changelog's baseline tables (null: a database of this release).
     */
    public static void apply(DataSource dataSource, ClassLoader loader, String path, String anchorTable)
            throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            apply(connection, loader, path, anchorTable);
        }
    }

    public static void apply(Connection connection, ClassLoader loader, String path, String anchorTable)
            throws Exception {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.classLoader.name(), loader);
        scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader));
        // Liquibase 4.30+ reports usage to its vendor unless told not to: a lab's server calls nobody at deploy
        scope.put(AnalyticsArgs.ENABLED.getKey(), false);
        Scope.child(scope, () -> {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(path, Scope.getCurrentScope().getResourceAccessor(), database);
            Contexts contexts = new Contexts();
            LabelExpression labels = new LabelExpression();
            int all = liquibase.getDatabaseChangeLog().getChangeSets().size();
            if (anchorTable != null && hasBaseline(liquibase) && liquibase.listUnrunChangeSets(contexts, labels).size() == all
                    && tableExists(database, anchorTable)) {
                LOG.info(() -> path + ": " + anchorTable + " exists and no changeset of it ran here: the tables of an"
                        + " earlier release; its changesets up to the tag '" + BASELINE + "' are recorded as run");
                liquibase.changeLogSync(BASELINE, contexts, labels);
            }
            liquibase.update(contexts, labels);
        });
    }

    private static boolean hasBaseline(Liquibase liquibase) throws Exception {
        for (ChangeSet changeSet : liquibase.getDatabaseChangeLog().getChangeSets()) {
            for (Change change : changeSet.getChanges()) {
                if (change instanceof TagDatabaseChange tag && BASELINE.equals(tag.getTag())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean tableExists(Database database, String name) throws Exception {
        Table table = new Table();
        table.setName(name);
        table.setSchema(database.getDefaultCatalogName(), database.getDefaultSchemaName());
        return SnapshotGeneratorFactory.getInstance().has(table, database);
    }
}
