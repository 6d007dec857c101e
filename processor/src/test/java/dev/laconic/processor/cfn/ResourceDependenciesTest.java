package dev.laconic.processor.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What CloudFormation waits for, read from every form a template names a resource in. */
class ResourceDependenciesTest {

  private static ResourceDependencies of(String resources) {
    return ResourceDependencies.of(CfnSchemaValidator.readTemplate("Resources:\n" + resources));
  }

  @Test
  void everyFormOfReferenceIsAWait() {
    ResourceDependencies dependencies = of("""
          A:
            Type: T
            DependsOn: [B, C]
          B:
            Type: T
            Properties:
              X: !GetAtt D.Arn
          C:
            Type: T
            Properties:
              X: {"Fn::GetAtt": [E, Arn]}
              Y: !If [Cond, !Ref F, !Ref AWS::NoValue]
          D:
            Type: T
            Properties:
              X: !Sub "${G.Arn}/${AWS::Region}"
          E:
            Type: T
            DependsOn: G
          F:
            Type: T
            Metadata:
              X: !Ref G
          G:
            Type: T
        """);
    for (String waited : List.of("B", "C", "D", "E", "F", "G")) {
      assertTrue(dependencies.waitsFor("A", waited), waited);
    }
    assertFalse(dependencies.waitsFor("G", "A"));
    assertEquals(List.of(), dependencies.cycle());
  }

  @Test
  void whatASubNamesAsItsOwnVariableOrAsLiteralTextIsNoWait() {
    ResourceDependencies dependencies = of("""
          A:
            Type: T
            Properties:
              X: !Sub ["${B}-${!C}", {B: fixed}]
          B:
            Type: T
            DependsOn: A
          C:
            Type: T
            DependsOn: A
        """);
    assertEquals(List.of(), dependencies.cycle());
  }

  @Test
  void aCircleIsToldFromWhereTheWalkInTemplateOrderMeetsIt() {
    ResourceDependencies dependencies = of("""
          Start:
            Type: T
            Properties:
              X: !Ref Policy
          Policy:
            Type: T
            Properties:
              X: !GetAtt Topic.Arn
          Topic:
            Type: T
            Properties:
              X: !Sub "${Alias}"
          Alias:
            Type: T
            DependsOn: [Other, Policy]
          Other:
            Type: T
        """);
    assertEquals(List.of("Policy", "Topic", "Alias", "Policy"), dependencies.cycle());
  }

  @Test
  void aSamFunctionStandsForWhatSamGeneratesFromItButNotForItsEventsReferences() {
    String function = """
          Fn:
            Type: AWS::Serverless::Function
            DependsOn: FnPolicy
            Properties:
              AutoPublishAlias: live
              Events:
                StreamMapping:
                  Type: DynamoDB
                  Properties:
                    Stream: !GetAtt Table.StreamArn
          FnPolicy:
            Type: AWS::IAM::Policy
            Properties:
              X: !Ref Table
        """;
    for (String reference : List.of("!Ref Fn.Alias", "!Ref FnAliaslive", "!Ref FnVersion0123abcd",
        "!Ref FnStreamMapping", "!GetAtt Fn.Arn")) {
      List<String> cycle = of(function + """
            Table:
              Type: AWS::DynamoDB::Table
              Properties:
                X: %s
          """.formatted(reference)).cycle();
      assertEquals(List.of("Fn", "FnPolicy", "Table", "Fn"), cycle, reference);
    }
    // The event's mapping waits for the table after the transform, the function does not.
    assertEquals(List.of(), of(function.replace("DependsOn: FnPolicy", "DependsOn: []") + """
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              X: !GetAtt Fn.Arn
        """).cycle());
  }
}
