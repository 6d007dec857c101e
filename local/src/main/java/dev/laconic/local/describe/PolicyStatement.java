package dev.laconic.local.describe;

import java.util.List;

/**
 * One statement of a policy that a function's role carries.
 *
 * @param policy the policy's name (an {@code AWS::IAM::Policy}, an inline policy of the role, a
 *     statement of a SAM function's {@code Policies}); a managed policy or SAM policy template
 *     is one statement of its own name without actions
 * @param sid the statement's {@code Sid}, or empty
 * @param effect {@code Allow} or {@code Deny}; empty for a managed policy
 * @param actions its actions ({@code NotAction}s prefixed with {@code not })
 * @param resources its resources as the template writes them, intrinsics in their short form
 *     ({@code !GetAtt OrdersTable.StreamArn})
 * @param condition the condition as JSON, or empty
 */
public record PolicyStatement(String policy, String sid, String effect, List<String> actions,
    List<String> resources, String condition) {

  public PolicyStatement {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
  }
}
