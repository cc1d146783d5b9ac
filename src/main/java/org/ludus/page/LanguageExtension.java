package org.ludus.page;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.ludus.Languages;
import org.ludus.session.Currency;

/**
 * The language of a page in its templates. {@code i18n(bundle, key, params…)} is Pebble's own function, with
 * two differences: a language without a file of the bundle gets the base file (never the JVM's default
 * locale's), and numbers in params are formatted in the page's language. {@code value | cu} shows an amount in the
 * page's language with two decimals ({@code 1,234.50}, de {@code 1.234,50}). Both use the locale the template is
 * evaluated in ({@link Templates#render(String, Map, Locale)}), which is the session's language.
 */
final class LanguageExtension extends AbstractExtension {

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("i18n", new I18n()); // registered after Pebble's own, so it takes the name
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("cu", new Amount());
    }

    static final class I18n implements Function {

        @Override
        public List<String> getArgumentNames() {
            return List.of("bundle", "key", "params");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            String bundle = String.valueOf(args.get("bundle"));
            String key = String.valueOf(args.get("key"));
            Object params = args.get("params");
            Locale locale = context.getLocale();
            Object[] values = params == null ? new Object[0]
                    : params instanceof List<?> list ? list.toArray() : new Object[] {params};
            try {
                return Languages.format(bundle, locale, key, values);
            } catch (MissingResourceException e) {
                throw new IllegalStateException(self.getName() + ", line " + line + ": no text '" + key
                        + "' in the bundle '" + bundle + "' for " + locale.toLanguageTag(), e);
            }
        }
    }

    static final class Amount implements Filter {

        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int line) {
            if (input == null) {
                return null;
            }
            BigDecimal amount = input instanceof Currency c ? c.toBigDecimal()
                    : input instanceof BigDecimal d ? d
                    : input instanceof Number n ? new BigDecimal(n.toString())
                    : new BigDecimal(input.toString());
            return format(amount, context.getLocale());
        }
    }

    /** An amount with two decimals in the locale's format (grouping and decimal separator). */
    static String format(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(Currency.SCALE);
        format.setMaximumFractionDigits(Currency.SCALE);
        return format.format(amount);
    }
}
