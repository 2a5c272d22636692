package io.bourse.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/**
 * Keeps the README's configuration reference true to config/bourse.conf: every key with its shipped default, every
 * field of the asset and symbol lists with the shipped values, and every BOURSE_* environment variable on the row of
 * the key it overrides. Reads the files of the checkout it runs in; the environment of the test run is ignored.
 */
class ReadmeConfigReferenceTest
{
    private static final Pattern ENV_OVERRIDE = Pattern.compile("\\$\\{\\?(BOURSE_[A-Z0-9_]+)\\}");
    private static final String SECTION_HEADING = "## Configuration";

    private static List<String> confLines;
    private static Config shipped;
    private static String section;
    private static List<List<String>> rows;

    @BeforeAll
    static void readFiles() throws IOException
    {
        final Path root = projectRoot();
        final Path conf = root.resolve("config").resolve("bourse.conf");
        confLines = Files.readAllLines(conf);
        shipped = ConfigFactory.parseFile(conf.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
            .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
        final List<String> sectionLines = configurationSection(Files.readAllLines(root.resolve("README.md")));
        section = String.join("\n", sectionLines);
        rows = tableRows(sectionLines);
    }

    @Test
    void shouldDocumentEveryKeyWithItsDefault()
    {
        final List<String> problems = new ArrayList<>();
        for (final Map.Entry<String, ConfigValue> entry : leafEntries().entrySet())
        {
            final String key = entry.getKey();
            if (entry.getValue().valueType() == ConfigValueType.LIST)
            {
                continue;
            }
            final String expected = defaultText(entry.getValue());
            final List<List<String>> keyRows = rowsOf(key);
            if (keyRows.isEmpty())
            {
                problems.add(key + ": no row with `" + key + "` in the README's " + SECTION_HEADING + " table");
            }
            else if (keyRows.stream().noneMatch(row -> row.size() > 1 && expected.equals(plain(row.get(1)))))
            {
                problems.add(key + ": README shows default " + keyRows.get(0).get(1) + ", config/bourse.conf has " +
                    expected);
            }
        }
        assertThat(problems).as("README configuration rows missing or wrong").isEmpty();
    }

    @Test
    void shouldDocumentEveryListFieldWithTheShippedValues()
    {
        final List<String> problems = new ArrayList<>();
        int lists = 0;
        for (final Map.Entry<String, ConfigValue> entry : leafEntries().entrySet())
        {
            if (entry.getValue().valueType() != ConfigValueType.LIST)
            {
                continue;
            }
            lists++;
            final String key = entry.getKey();
            final ConfigList elements = (ConfigList)entry.getValue();
            final Set<String> fields = new LinkedHashSet<>();
            for (final ConfigValue element : elements)
            {
                assertThat(element.valueType()).as(key + " elements").isEqualTo(ConfigValueType.OBJECT);
                fields.addAll(((ConfigObject)element).keySet());
            }
            if (!section.contains("`" + key + "`"))
            {
                problems.add(key + ": not named (in backticks) in the README's " + SECTION_HEADING + " section");
            }
            for (final String field : fields)
            {
                final List<String> expected = new ArrayList<>();
                for (final ConfigValue element : elements)
                {
                    final ConfigValue value = ((ConfigObject)element).get(field);
                    expected.add(value == null ? "" : defaultText(value));
                }
                final List<List<String>> fieldRows = rowsOf(field);
                if (fieldRows.isEmpty())
                {
                    problems.add(key + "[]." + field + ": no row with `" + field + "`");
                }
                else if (fieldRows.stream().noneMatch(row -> endsWith(row, expected)))
                {
                    problems.add(key + "[]." + field + ": no row `" + field + "` ending with the shipped values " +
                        expected);
                }
            }
        }
        assertThat(lists).as("lists in config/bourse.conf").isPositive();
        assertThat(problems).as("README list field rows missing or wrong").isEmpty();
    }

    @Test
    void shouldNameEveryEnvironmentVariableOnItsKeysRow()
    {
        final Map<Integer, String> keyByLine = new TreeMap<>();
        leafEntries().forEach((key, value) -> keyByLine.put(value.origin().lineNumber(), key));
        final List<String> problems = new ArrayList<>();
        int overrides = 0;
        for (int i = 0; i < confLines.size(); i++)
        {
            final int lineNumber = i + 1;
            final Matcher matcher = ENV_OVERRIDE.matcher(confLines.get(i));
            while (matcher.find())
            {
                overrides++;
                final String variable = matcher.group(1);
                // The override line follows the key's default: its key is the nearest value defined above it.
                final String key = keyByLine.entrySet().stream()
                    .filter(e -> e.getKey() < lineNumber)
                    .reduce((first, second) -> second)
                    .map(Map.Entry::getValue)
                    .orElse("?");
                if (rows.stream().noneMatch(row -> String.join("|", row).contains(variable)))
                {
                    problems.add(variable + " (overrides " + key + "): not in the README's " + SECTION_HEADING +
                        " section");
                }
                else if (rowsOf(key).stream().noneMatch(row -> String.join("|", row).contains(variable)))
                {
                    problems.add(variable + ": not on the row of `" + key + "`, the key it overrides");
                }
            }
        }
        assertThat(overrides).as("${?BOURSE_...} overrides in config/bourse.conf").isPositive();
        assertThat(problems).as("README environment variables missing or misplaced").isEmpty();
    }

    /** Every leaf under {@code bourse} (lists count as leaves), by path. */
    private static Map<String, ConfigValue> leafEntries()
    {
        final Map<String, ConfigValue> leaves = new TreeMap<>();
        shipped.getConfig("bourse").entrySet().forEach(e -> leaves.put("bourse." + e.getKey(), e.getValue()));
        assertThat(leaves).as("keys under bourse in config/bourse.conf").isNotEmpty();
        return leaves;
    }

    /** A value as the README shows it: strings unquoted ({@code ""} when empty), numbers and booleans as written. */
    private static String defaultText(final ConfigValue value)
    {
        if (value.valueType() == ConfigValueType.STRING)
        {
            final String text = (String)value.unwrapped();
            return text.isEmpty() ? "\"\"" : text;
        }
        return value.render();
    }

    private static List<List<String>> rowsOf(final String keyOrField)
    {
        final String cell = "`" + keyOrField + "`";
        final List<List<String>> found = new ArrayList<>();
        for (final List<String> row : rows)
        {
            if (!row.isEmpty() && row.get(0).equals(cell))
            {
                found.add(row);
            }
        }
        return found;
    }

    private static boolean endsWith(final List<String> row, final List<String> expected)
    {
        if (row.size() < expected.size() + 1)
        {
            return false;
        }
        final List<String> tail = row.subList(row.size() - expected.size(), row.size());
        for (int i = 0; i < expected.size(); i++)
        {
            if (!plain(tail.get(i)).equals(expected.get(i)))
            {
                return false;
            }
        }
        return true;
    }

    /** A cell's text without the backticks around all of it. */
    private static String plain(final String cell)
    {
        return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`") ?
            cell.substring(1, cell.length() - 1) : cell;
    }

    private static List<String> configurationSection(final List<String> readme)
    {
        final int start = readme.indexOf(SECTION_HEADING);
        assertThat(start).as("README.md has a line '" + SECTION_HEADING + "'").isNotNegative();
        final List<String> section = new ArrayList<>();
        for (int i = start + 1; i < readme.size() && !readme.get(i).startsWith("## "); i++)
        {
            section.add(readme.get(i));
        }
        return section;
    }

    /** Markdown table rows, each as its trimmed cells; separator rows left out. */
    private static List<List<String>> tableRows(final List<String> lines)
    {
        final List<List<String>> tableRows = new ArrayList<>();
        for (final String line : lines)
        {
            final String trimmed = line.trim();
            if (!trimmed.startsWith("|") || trimmed.matches("\\|[\\s|:-]*\\|"))
            {
                continue;
            }
            final String inner = trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length());
            tableRows.add(Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList());
        }
        return tableRows;
    }

    /** The checkout's root: the nearest directory at or above the working directory with README.md and the config. */
    private static Path projectRoot()
    {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
        {
            if (Files.isRegularFile(dir.resolve("README.md")) &&
                Files.isRegularFile(dir.resolve("config").resolve("bourse.conf")))
            {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with README.md and config/bourse.conf at or above " +
            Path.of("").toAbsolutePath());
    }
}
