package dev.laconic.local.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A function's LoggingConfig as the template gives it, and the level its records keep. */
class LoggingConfigTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Application application(String template) throws Exception {
    return Application.parse(JSON.readTree(template));
  }

  @Test
  void aFunctionWithoutLoggingConfigLogsTextUnfiltered() throws Exception {
    LoggingConfig logging = application("""
        {"Resources": {"F": {"Type": "AWS::Lambda::Function",
          "Properties": {"Handler": "a.B::handleRequest"}}}}""").find("F").logging();
    assertEquals(LoggingConfig.TEXT, logging);
    assertEquals(LogLevel.UNDEFINED, logging.minimumLevel());
  }

  @Test
  void jsonFiltersAtItsApplicationLevelOrInfo() throws Exception {
    Application application = application("""
        {"Resources": {
          "Debug": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "a.B",
            "LoggingConfig": {"LogGroup": {"Ref": "G"}, "LogFormat": "JSON",
              "ApplicationLogLevel": "DEBUG", "SystemLogLevel": "WARN"}}},
          "Default": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "a.C",
            "LoggingConfig": {"LogFormat": "JSON"}}},
          "Parameter": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "a.D",
            "LoggingConfig": {"LogFormat": {"Ref": "Format"}, "ApplicationLogLevel": "TRACE"}}}}}
        """);
    LoggingConfig debug = application.find("Debug").logging();
    assertEquals(new LoggingConfig(LogFormat.JSON, Optional.of(LogLevel.DEBUG),
        Optional.of("WARN")), debug);
    assertEquals(LogLevel.DEBUG, debug.minimumLevel());
    assertEquals(LogLevel.INFO, application.find("Default").logging().minimumLevel());
    assertEquals(LogLevel.UNDEFINED, application.find("Parameter").logging().minimumLevel(),
        "a format the local run cannot resolve is the default, Text, which filters nothing");
  }

  /**
   * {@code LogFormat} and {@code ApplicationLogLevel} are enums of {@code AWS::Lambda::Function}'s
   * schema, spelled as it spells them; the describe page reads them so too.
   */
  @Test
  void valuesSpelledOtherwiseThanTheSchemaAreLeftAtTheirDefaults() throws Exception {
    Application application = application("""
        {"Resources": {
          "Lower": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "a.B",
            "LoggingConfig": {"LogFormat": "json", "ApplicationLogLevel": "DEBUG"}}},
          "LowerLevel": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "a.C",
            "LoggingConfig": {"LogFormat": "JSON", "ApplicationLogLevel": "debug"}}}}}
        """);
    assertEquals(LogFormat.TEXT, application.find("Lower").logging().format());
    assertEquals(LogLevel.UNDEFINED, application.find("Lower").logging().minimumLevel());
    assertEquals(new LoggingConfig(LogFormat.JSON, Optional.empty(), Optional.empty()),
        application.find("LowerLevel").logging());
    assertEquals(LogLevel.INFO, application.find("LowerLevel").logging().minimumLevel());
  }

  @Test
  void aSamFunctionTakesTheGlobalsKeyByKey() throws Exception {
    Application application = application("""
        {"Globals": {"Function": {"LoggingConfig": {"LogFormat": "JSON",
           "ApplicationLogLevel": "ERROR"}}},
         "Resources": {
          "Own": {"Type": "AWS::Serverless::Function", "Properties": {"Handler": "a.B",
            "LoggingConfig": {"ApplicationLogLevel": "TRACE"}}},
          "Inherits": {"Type": "AWS::Serverless::Function", "Properties": {"Handler": "a.C"}},
          "Plain": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "a.D"}}}}
        """);
    assertEquals(new LoggingConfig(LogFormat.JSON, Optional.of(LogLevel.TRACE), Optional.empty()),
        application.find("Own").logging());
    assertEquals(LogLevel.ERROR, application.find("Inherits").logging().minimumLevel());
    assertEquals(LoggingConfig.TEXT, application.find("Plain").logging(),
        "SAM's globals are SAM's functions' only");
  }
}
