package org.ludus.schema;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.DiffChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.DiffOutputControlCommandStep;
import liquibase.command.core.helpers.PreCompareCommandStep;
import liquibase.command.core.helpers.ReferenceDbUrlConnectionCommandStep;
import liquibase.database.Database;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.output.ObjectChangeFilter;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Relation;
import liquibase.structure.core.Sequence;
import liquibase.structure.core.UniqueConstraint;
import org.ludus.session.BaseGroup;
import org.ludus.session.BasePlayer;
import org.ludus.session.ExtraModel;

/**
 * The changeset goal (docs/authoring.md, "Changing an app's tables"): writes what an app's entities have and its
 * changelog lacks, as Liquibase changesets appended to the app's changelog, for the author to review. The database
 * compared with is a scratch one (H2 in memory) made by Ludus's changelog and the app's: what every server that
 * applied the changelog has, whatever a development server's own database has picked up on its way. Run by Maven
 * ({@code mvn -Pchangeset process-classes -Dapp=…}) with liquibase-hibernate6 on the class path; never by the server.
 */
public final class ChangesetGoal {

    private ChangesetGoal() {
    }

    public static void main(String[] args) throws Exception {
        String app = System.getProperty("app", "").strip();
        if (app.isEmpty()) {
            throw new IllegalArgumentException("name the app's package: -Dapp=org.ludus.apps.auction");
        }
        Path classes = Path.of(System.getProperty("classes", "target/classes"));
        Path appClasses = classes.resolve(app.replace('.', '/'));
        if (!Files.isDirectory(appClasses)) {
            throw new IllegalArgumentException("no compiled app " + app + " in " + classes + " (run process-classes)");
        }
        String changelogPath = app.replace('.', '/') + "/changelog.xml";
        File changelog = Path.of(System.getProperty("changelog",
                System.getProperty("resources", "src/main/resources") + "/" + changelogPath)).toFile();
        String dialect = System.getProperty("dialect", "org.hibernate.dialect.H2Dialect");
        String author = System.getProperty("author", System.getProperty("user.name", "author"));
        var appTables = tables(appClasses, app);
        String tables = String.join("|", appTables);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        // liquibase-hibernate builds the persistence unit from persistence.xml alone, where the server finds the
        // dialect from its connection; Hibernate also reads its settings from system properties
        System.setProperty("hibernate.dialect", dialect);

        String scratch = "jdbc:h2:mem:ludus-changeset;DB_CLOSE_DELAY=-1";
        try (Connection keepOpen = DriverManager.getConnection(scratch, "sa", "")) {
            try (Connection ludus = DriverManager.getConnection(scratch, "sa", "")) {
                Changelogs.apply(ludus, loader, Changelogs.LUDUS, null);
            }
            if (changelog.exists()) { // the author's file, as it stands now (not the copy in target/classes)
                try (Connection own = DriverManager.getConnection(scratch, "sa", "")) {
                    Changelogs.apply(own, new FileFirst(changelog, changelogPath, loader), changelogPath, null);
                }
            }
            Map<String, Object> scope = new HashMap<>();
            scope.put(AnalyticsArgs.ENABLED.getKey(), false);
            Scope.child(scope, () -> new CommandScope(DiffChangelogCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, scratch)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.USERNAME_ARG, "sa")
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.PASSWORD_ARG, "")
                    .addArgumentValue(ReferenceDbUrlConnectionCommandStep.REFERENCE_URL_ARG, "hibernate:ejb3:ludus?dialect="
                            + dialect + "&hibernate.dialect=" + dialect + "&hibernate.physical_naming_strategy="
                            + "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy")
                    .addArgumentValue(DiffChangelogCommandStep.CHANGELOG_FILE_ARG, changelog.getPath())
                    .addArgumentValue(DiffChangelogCommandStep.AUTHOR_ARG, author)
                    // the app's tables, and their sequences, columns, keys and indexes; nothing of Ludus's or other apps'
                    .addArgumentValue(PreCompareCommandStep.OBJECT_CHANGE_FILTER_ARG, new AppObjects(appTables))
                    .addArgumentValue(DiffOutputControlCommandStep.INCLUDE_SCHEMA_ARG, false)
                    .addArgumentValue(DiffOutputControlCommandStep.INCLUDE_CATALOG_ARG, false)
                    .execute());
        }
        // liquibase-hibernate marks a generated id as auto-increment; Ludus's ids come from sequences (BasePlayer's
        // @GeneratedValue), which the changesets create, so the column is a plain bigint as Hibernate makes it
        if (changelog.exists()) {
            // and H2 reports the scratch database's names in upper case: lower case is the same name there, and on
            // PostgreSQL the name Hibernate uses
            String text = Files.readString(changelog.toPath()).replace(" autoIncrement=\"true\"", "");
            text = java.util.regex.Pattern.compile("((?:table|column|baseTable|referencedTable|index|constraint|sequence)"
                    + "Names?=\")([A-Z0-9_, ]+)\"").matcher(text).replaceAll(m -> m.group(1)
                    + m.group(2).toLowerCase(java.util.Locale.ROOT) + "\"");
            Files.writeString(changelog.toPath(), text);
        }
        System.out.println("[ludus] " + changelog + ": the changesets for " + app + " (tables " + tables + ") are at its"
                + " end. Review them before you commit (docs/authoring.md, \"Changing an app's tables\"): a rename is"
                + " written as a drop and an add, and a new column that may not be null needs a default value.");
    }

    /** The app's tables: those of its entities on BasePlayer, BaseGroup and ExtraModel, named as Hibernate names them. */
    private static TreeSet<String> tables(Path appClasses, String app) throws IOException, ClassNotFoundException {
        var tables = new TreeSet<String>();
        try (Stream<Path> files = Files.list(appClasses)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.class$", "");
                Class<?> type = Class.forName(app + "." + name, false, Thread.currentThread().getContextClassLoader());
                if (type.isAnnotationPresent(Entity.class) && (BasePlayer.class.isAssignableFrom(type)
                        || BaseGroup.class.isAssignableFrom(type) || ExtraModel.class.isAssignableFrom(type))) {
                    Table table = type.getAnnotation(Table.class);
                    tables.add(table != null && !table.name().isEmpty() ? table.name()
                            : type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
                }
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalArgumentException(app + " has no entity on BasePlayer, BaseGroup or ExtraModel");
        }
        return tables;
    }

    /**
     * The changes that touch the app's tables, out of a comparison of everything: both sides are read whole (a filter
     * on names would leave the foreign keys to Ludus's tables out of the mapping's side, and the diff would drop them).
     */
    private static final class AppObjects implements ObjectChangeFilter {
        private final java.util.Set<String> tables;

        AppObjects(java.util.Set<String> tables) {
            this.tables = tables;
        }

        @Override
        public boolean include(DatabaseObject object) {
            return true;
        }

        @Override
        public boolean includeMissing(DatabaseObject object, Database reference, Database comparison) {
            return isApps(object);
        }

        @Override
        public boolean includeUnexpected(DatabaseObject object, Database reference, Database comparison) {
            return isApps(object);
        }

        @Override
        public boolean includeChanged(DatabaseObject object, ObjectDifferences differences, Database reference,
                Database comparison) {
            return isApps(object);
        }

        private boolean isApps(DatabaseObject object) {
            DatabaseObject table = object instanceof Column column ? column.getRelation()
                    : object instanceof Index index ? index.getRelation()
                    : object instanceof ForeignKey key ? key.getForeignKeyTable()
                    : object instanceof PrimaryKey key ? key.getTable()
                    : object instanceof UniqueConstraint unique ? unique.getRelation()
                    : object instanceof Relation || object instanceof Sequence ? object : null;
            if (table == null || table.getName() == null) {
                return false;
            }
            String name = table.getName().toLowerCase(java.util.Locale.ROOT);
            return tables.contains(object instanceof Sequence ? name.replaceFirst("_seq$", "") : name);
        }
    }

    /** The class path, except that the app's changelog is read from the source folder. */
    private static final class FileFirst extends ClassLoader {
        private final File file;
        private final String path;

        FileFirst(File file, String path, ClassLoader parent) {
            super(parent);
            this.file = file;
            this.path = path;
        }

        @Override
        public java.net.URL getResource(String name) {
            return name.equals(path) ? url() : super.getResource(name);
        }

        @Override
        public java.util.Enumeration<java.net.URL> getResources(String name) throws IOException {
            return name.equals(path) ? java.util.Collections.enumeration(java.util.List.of(url()))
                    : super.getResources(name);
        }

        private java.net.URL url() {
            try {
                return file.getAbsoluteFile().toURI().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
