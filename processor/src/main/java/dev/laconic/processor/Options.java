package dev.laconic.processor;

import dev.laconic.processor.cfn.TemplateBuilder;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.generate.AdapterGenerator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The processor's {@code -A} options, read once, with the problems of their values: what each
 * option means is documented on {@link LaconicProcessor}.
 *
 * @param code the function code, relative to the template
 * @param codeReport the problems of {@code laconic.code}, reported only when there is a template
 * @param adapter the adapter flavor
 * @param adapterReport the problems of {@code laconic.adapter}
 * @param baseTemplate the user's template, or null when none is named and the default is absent
 * @param template the template's form
 * @param templateReport the problems of {@code laconic.template}
 */
record Options(String code, ValidationReport codeReport, AdapterGenerator.Flavor adapter,
    ValidationReport adapterReport, Path baseTemplate, TemplateBuilder.Format template,
    ValidationReport templateReport) {

  static final String CODE = "laconic.code";
  static final String ADAPTER = "laconic.adapter";
  static final String BASE_TEMPLATE = "laconic.baseTemplate";
  static final String TEMPLATE = "laconic.template";
  static final Set<String> ALL = Set.of(CODE, ADAPTER, BASE_TEMPLATE, TEMPLATE);

  static final String DEFAULT_BASE_TEMPLATE = "src/main/cloudformation/template.yaml";
  static final String DEFAULT_CODE = "../../function.jar";

  static Options parse(Map<String, String> options) {
    ValidationReport.Builder code = ValidationReport.builder();
    String codeValue = options.get(CODE);
    if (codeValue == null || codeValue.isBlank()) {
      code.report(Diagnostic.CODE_OPTION_MISSING, Origin.NONE.whole(), DEFAULT_CODE);
      codeValue = DEFAULT_CODE;
    } else if (codeValue.startsWith("/") || codeValue.contains("\\")
        || codeValue.matches("[A-Za-z]:.*")) {
      code.report(Diagnostic.CODE_OPTION_INVALID, Origin.NONE.whole(), codeValue);
    }

    ValidationReport.Builder adapter = ValidationReport.builder();
    String adapterValue = options.containsKey(ADAPTER)
        ? String.valueOf(options.get(ADAPTER)) : "stream";
    AdapterGenerator.Flavor flavor = switch (adapterValue) {
      case "stream" -> AdapterGenerator.Flavor.STREAM;
      case "request-handler" -> AdapterGenerator.Flavor.REQUEST_HANDLER;
      default -> {
        adapter.report(Diagnostic.ADAPTER_OPTION_INVALID, Origin.NONE.whole(), adapterValue);
        yield AdapterGenerator.Flavor.STREAM;
      }
    };

    String base = options.get(BASE_TEMPLATE);
    Path basePath = Path.of(base == null || base.isBlank() ? DEFAULT_BASE_TEMPLATE : base);
    if ((base == null || base.isBlank()) && !java.nio.file.Files.exists(basePath)) {
      basePath = null;
    }

    ValidationReport.Builder template = ValidationReport.builder();
    String templateValue = options.containsKey(TEMPLATE)
        ? String.valueOf(options.get(TEMPLATE)) : "cloudformation";
    TemplateBuilder.Format format = switch (templateValue) {
      case "cloudformation" -> TemplateBuilder.Format.CLOUDFORMATION;
      case "sam" -> TemplateBuilder.Format.SAM;
      default -> {
        template.report(Diagnostic.TEMPLATE_OPTION_INVALID, Origin.NONE.whole(), templateValue);
        yield TemplateBuilder.Format.CLOUDFORMATION;
      }
    };
    return new Options(codeValue, code.build(), flavor, adapter.build(), basePath, format,
        template.build());
  }
}
