package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The templates the describe tests read. */
final class Templates {

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An orders service in the sample's shape, every kind of node and arrow once: a table whose
   * stream two mappings read and which writes its changes to a Kinesis stream, a queue that is a
   * failure destination and a source with a dead-letter queue of its own, a SnapStart function
   * invoked through its alias, a policy and an inline role policy, and a source given as a
   * parameter.
   */
  static final String ORDERS = """
      {"Description": "Orders <and> their changes",
       "Parameters": {"PaymentsStreamArn": {"Type": "String",
         "Description": "The payments table's stream",
         "AllowedPattern": "arn:aws[a-zA-Z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/.+"}},
       "Resources": {
        "Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {
          "BillingMode": "PAY_PER_REQUEST",
          "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "N"}],
          "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"}],
          "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"},
          "KinesisStreamSpecification": {"StreamArn": {"Fn::GetAtt": ["Changes", "Arn"]}}}},
        "Changes": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 2}},
        "Failures": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 180,
          "RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["Dead", "Arn"]},
            "maxReceiveCount": 3}}},
        "Dead": {"Type": "AWS::SQS::Queue", "Properties": {"MessageRetentionPeriod": 1209600}},
        "AuditRole": {"Type": "AWS::IAM::Role", "Properties": {
          "Policies": [{"PolicyName": "Inline", "PolicyDocument": {"Statement": {
            "Effect": "Deny", "NotAction": "s3:*", "Resource": "*"}}}],
          "ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]}},
        "AuditPolicy": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "Audit",
          "Roles": [{"Ref": "AuditRole"}],
          "PolicyDocument": {"Statement": [{"Sid": "ReadStream", "Effect": "Allow",
            "Action": ["dynamodb:GetRecords", "dynamodb:GetShardIterator"],
            "Resource": [{"Fn::GetAtt": ["Orders", "StreamArn"]}]}]}}},
        "AuditLogGroup": {"Type": "AWS::Logs::LogGroup", "Properties": {
          "LogGroupName": {"Fn::Sub": "/aws/lambda/${AWS::StackName}/Audit"},
          "RetentionInDays": 30}},
        "AuditFunction": {"Type": "AWS::Lambda::Function", "Properties": {
          "Handler": "shop.Laconic_Orders_audit::handleRequest", "Runtime": "java21",
          "MemorySize": 512, "Timeout": 60, "Architectures": ["arm64"],
          "SnapStart": {"ApplyOn": "PublishedVersions"}, "ReservedConcurrentExecutions": 5,
          "Role": {"Fn::GetAtt": ["AuditRole", "Arn"]},
          "Environment": {"Variables": {"API_KEY": "secret-value"}},
          "LoggingConfig": {"LogGroup": {"Ref": "AuditLogGroup"}}}},
        "AuditVersion": {"Type": "AWS::Lambda::Version", "Properties": {
          "FunctionName": {"Ref": "AuditFunction"}}},
        "AuditAlias": {"Type": "AWS::Lambda::Alias", "Properties": {
          "FunctionName": {"Ref": "AuditFunction"}, "Name": "live",
          "FunctionVersion": {"Fn::GetAtt": ["AuditVersion", "Version"]}}},
        "AuditStreamMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
          "FunctionName": {"Ref": "AuditAlias"},
          "EventSourceArn": {"Fn::GetAtt": ["Orders", "StreamArn"]},
          "StartingPosition": "TRIM_HORIZON", "BatchSize": 25,
          "MaximumBatchingWindowInSeconds": 5, "MaximumRetryAttempts": 10,
          "MaximumRecordAgeInSeconds": 3600, "BisectBatchOnFunctionError": true,
          "ParallelizationFactor": 2,
          "FilterCriteria": {"Filters": [{"Pattern": "{\\"eventName\\": [\\"REMOVE\\"]}"}]},
          "FunctionResponseTypes": ["ReportBatchItemFailures"],
          "DestinationConfig": {"OnFailure": {"Destination":
            {"Fn::GetAtt": ["Failures", "Arn"]}}}}},
        "ReportFunction": {"Type": "AWS::Lambda::Function", "Properties": {
          "Handler": "shop.Laconic_Orders_report::handleRequest", "Runtime": "java17"}},
        "ReportQueueMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
          "FunctionName": {"Ref": "ReportFunction"},
          "EventSourceArn": {"Fn::GetAtt": ["Failures", "Arn"]},
          "ScalingConfig": {"MaximumConcurrency": 4}}},
        "PaymentsMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
          "FunctionName": {"Ref": "ReportFunction"},
          "EventSourceArn": {"Ref": "PaymentsStreamArn"}, "StartingPosition": "LATEST",
          "Enabled": false}}
       }}""";

  private Templates() {}

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A template of the test resources' {@code describe/}; see the README beside it. */
  static JsonNode resource(String name) {
    try (InputStream in = Templates.class.getResourceAsStream("/describe/" + name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
