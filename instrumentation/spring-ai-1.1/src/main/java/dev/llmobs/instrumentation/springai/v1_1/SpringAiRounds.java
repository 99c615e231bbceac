package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiResponse;
import io.opentelemetry.context.Context;
import java.util.function.Function;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolExecutionResult;

/**
 * One blocking {@code ChatModel.call(Prompt)}, a chat span per model round trip. On the 1.1 line a
 * model runs the tools the model asked for itself (internal tool execution, on by default): it
 * hands the response to {@code ToolCallingManager.executeToolCalls} and calls itself again with the
 * tool results, all inside the one {@code call}. That call is cut into its round trips where the
 * manager is entered: the running round's span ends there with the response the manager got, the
 * tools run beside it (children of the caller's span), and the next round's span starts when the
 * manager returns. So the caller's span parents {@code chat → execute_tool ×N → chat}, as on the
 * 2.0 line, where the model never runs tools and the loop is the ChatClient's or the application's.
 *
 * <p>From the second round on, Spring AI 1.1 reports usage summed over the rounds so far (its
 * {@code UsageCalculator}), without the provider's native usage: each round's span gets the
 * difference to the round before, and no cache or reasoning counts.
 */
final class SpringAiRounds {

  // The blocking model call running on this thread (a model runs its tool loop on its thread).
  private static final ThreadLocal<SpringAiRounds> CURRENT = new ThreadLocal<>();

  private final Object model;
  private final String provider;
  private final SpringAiRounds outer;
  private GenAiCall call;
  // The usage the model reported with the last round that ended, summed over the rounds so far.
  private Usage reported;

  private SpringAiRounds(Object model, GenAiCall call, SpringAiRounds outer) {
    this.model = model;
    this.provider = call.request().providerName();
    this.call = call;
    this.outer = outer;
  }

  /** Enter of {@code call(Prompt)}: the first round started, or null. */
  static SpringAiRounds start(Object model, Prompt prompt) {
    GenAiCall call =
        GenAiCall.start(SpringAiChat.MODULE, SpringAiChat.request(model, prompt, false));
    if (call == null) {
      return null;
    }
    SpringAiRounds rounds = new SpringAiRounds(model, call, CURRENT.get());
    CURRENT.set(rounds);
    return rounds;
  }

  /**
   * The manager was entered with {@code response}: when by the model whose round is current here,
   * that round ends with it, and the model loop is returned for {@link #nextRound}; else null.
   */
  static SpringAiRounds roundEnded(ChatResponse response) {
    SpringAiRounds rounds = CURRENT.get();
    if (rounds == null
        || rounds.call == null
        || GenAiCall.current(Context.current()) != rounds.call) {
      return null;
    }
    GenAiCall round = rounds.call;
    rounds.call = null;
    round.closeScope();
    round.end(rounds.response(response), null);
    rounds.reported = usage(response);
    return rounds;
  }

  /** The manager returned {@code result}: the model will send the tool results back. */
  void nextRound(Object prompt, ToolExecutionResult result) {
    try {
      if (call != null || result.returnDirect() || !(prompt instanceof Prompt)) {
        return;
      }
      // What the model sends next: the conversation with the tool results, the same options.
      Prompt next = new Prompt(result.conversationHistory(), ((Prompt) prompt).getOptions());
      call = GenAiCall.start(SpringAiChat.MODULE, SpringAiChat.request(model, next, false));
    } catch (Throwable t) {
      GenAiFailures.record(SpringAiChat.MODULE, t);
    }
  }

  /** Exit of {@code call(Prompt)}: the last round ends with the result or the failure. */
  void end(Object result, Throwable error) {
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
    GenAiCall round = call;
    call = null;
    if (round == null) {
      return;
    }
    round.closeScope();
    if (error != null) {
      round.end(SpringAiErrors.response(error), error);
      return;
    }
    round.endWith((Function<Object, GenAiResponse>) r -> response((ChatResponse) r), result);
  }

  private GenAiResponse response(ChatResponse result) {
    GenAiResponse response = SpringAiChat.response(result, provider);
    Usage usage = usage(result);
    // A sum over the rounds is a usage without the provider's own (see the class comment).
    if (reported != null && usage != null && usage.getNativeUsage() == null) {
      response
          .inputTokens(difference(usage.getPromptTokens(), reported.getPromptTokens()))
          .outputTokens(difference(usage.getCompletionTokens(), reported.getCompletionTokens()));
    }
    return response;
  }

  private static Long difference(Integer sum, Integer before) {
    if (sum == null) {
      return null;
    }
    long own = sum - (before == null ? 0 : before);
    return own >= 0 ? own : sum.longValue();
  }

  private static Usage usage(ChatResponse response) {
    return response == null || response.getMetadata() == null
        ? null
        : response.getMetadata().getUsage();
  }
}
