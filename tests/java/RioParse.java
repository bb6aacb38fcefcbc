// Parse an RDF file with Eclipse RDF4J Rio, the parsers GraphDB uses, in their strictest settings.
//
//   java -cp '<rdf4j jars>' RioParse.java [--nquads] FILE [FILE...]
//
// The format comes from the file name (.ttl, .trig, .nt, .nq). Unknown datatypes, ill-typed
// literals (an `xsd:date` that is not a date, a decimal that is not a number), malformed language
// tags and bad IRIs are errors. For each file it prints one line,
// `FILE<TAB>statements<TAB>distinct<TAB>contexts`: the statements as read, the distinct quads
// (what a store keeps) and the number of distinct named graphs. On the first error it prints
// `FILE: ERROR line L col C: message` to stderr and exits with status 1. With `--nquads` it
// writes what it read, as N-Quads, to stdout instead of the count lines, so another parser's
// reading can be compared term by term.

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.ParseErrorListener;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;

public class RioParse {

    static final class Counter extends AbstractRDFHandler {
        long statements = 0;
        final List<Statement> all = new ArrayList<>();
        final Set<Statement> distinct = new HashSet<>();
        final Set<Resource> contexts = new HashSet<>();

        @Override
        public void handleStatement(Statement st) {
            statements++;
            all.add(st);
            distinct.add(st);  // Statement.equals compares subject, predicate, object and context
            if (st.getContext() != null) {
                contexts.add(st.getContext());
            }
        }
    }

    /** Warnings and recoverable errors are fatal too: GraphDB must see exactly what we wrote. */
    static final class Strict implements ParseErrorListener {
        public void warning(String msg, long line, long col) {
            throw new RDFParseException("warning: " + msg, line, col);
        }

        public void error(String msg, long line, long col) {
            throw new RDFParseException(msg, line, col);
        }

        public void fatalError(String msg, long line, long col) {
            throw new RDFParseException(msg, line, col);
        }
    }

    public static void main(String[] args) throws Exception {
        boolean nquads = args.length > 0 && args[0].equals("--nquads");
        List<String> files = new ArrayList<>(List.of(args).subList(nquads ? 1 : 0, args.length));
        if (files.isEmpty()) {
            System.err.println("usage: java -cp JARS RioParse.java [--nquads] FILE [FILE...]");
            System.exit(2);
        }
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        for (String file : files) {
            Optional<RDFFormat> format = Rio.getParserFormatForFileName(file);
            if (format.isEmpty()) {
                System.err.println(file + ": ERROR unknown RDF format for this file name");
                System.exit(1);
            }
            RDFParser parser = Rio.createParser(format.get());
            parser.getParserConfig()
                    .set(BasicParserSettings.FAIL_ON_UNKNOWN_DATATYPES, true)
                    .set(BasicParserSettings.VERIFY_DATATYPE_VALUES, true)
                    .set(BasicParserSettings.NORMALIZE_DATATYPE_VALUES, false)
                    .set(BasicParserSettings.VERIFY_LANGUAGE_TAGS, true)
                    .set(BasicParserSettings.VERIFY_URI_SYNTAX, true)
                    .set(BasicParserSettings.VERIFY_RELATIVE_URIS, true)
                    .set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
            parser.setParseErrorListener(new Strict());
            Counter counter = new Counter();
            parser.setRDFHandler(counter);
            try (InputStream in = new FileInputStream(file)) {
                parser.parse(in, "urn:x-base:");
            } catch (RDFParseException err) {
                System.err.println(file + ": ERROR line " + err.getLineNumber() + " col "
                        + err.getColumnNumber() + ": " + err.getMessage().replace('\n', ' '));
                System.exit(1);
            }
            if (nquads) {
                RDFWriter writer = Rio.createWriter(RDFFormat.NQUADS, out);
                writer.startRDF();
                for (Statement st : counter.all) {
                    writer.handleStatement(st);
                }
                writer.endRDF();
            } else {
                out.write(file + "\t" + counter.statements + "\t" + counter.distinct.size()
                        + "\t" + counter.contexts.size() + "\n");
            }
        }
        out.flush();
    }
}
