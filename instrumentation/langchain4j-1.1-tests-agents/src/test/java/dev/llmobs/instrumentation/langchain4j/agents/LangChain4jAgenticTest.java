package dev.llmobs.instrumentation.langchain4j.agents;

import static dev.llmobs.testing.GenAiKeys.AGENT_NAME;
import static dev.llmobs.testing.GenAiKeys.OPERATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agentic.Agent;
import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.UntypedAgent;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * langchain4j-agentic: a sequence of two agents is one trace, {@code invoke_agent} of the workflow
 * around an {@code invoke_agent} per agent (named as the agent), each around its chat; the AI
 * Service each agent runs adds no second agent span.
 */
class LangChain4jAgenticTest extends AgentTraces {

  public interface Writer {
    @UserMessage("Write one sentence about {{topic}}.")
    @Agent(name = "writer", outputKey = "story")
    String write(@V("topic") String topic);
  }

  public interface Editor {
    @UserMessage("Make this shorter: {{story}}")
    @Agent(name = "editor", outputKey = "story")
    String edit(@V("story") String story);
  }

  @Test
  void sequenceOfAgentsIsOneTraceWithAnAgentSpanPerAgent() {
    server.enqueue(AgentWire.answer("Dragons guard gold in old stories."));
    server.enqueue(AgentWire.answer("Dragons guard gold."));
    Writer writer = AgenticServices.agentBuilder(Writer.class).chatModel(model()).build();
    Editor editor = AgenticServices.agentBuilder(Editor.class).chatModel(model()).build();
    UntypedAgent pipeline =
        AgenticServices.sequenceBuilder()
            .name("story-pipeline")
            .subAgents(writer, editor)
            .outputKey("story")
            .build();

    assertThat(pipeline.invoke(Map.of("topic", "dragons"))).isEqualTo("Dragons guard gold.");

    List<SpanData> spans = oneTrace(5);
    assertThat(spans)
        .extracting(SpanData::getName)
        .containsExactly(
            "invoke_agent story-pipeline",
            "invoke_agent writer",
            "chat gpt-4o-mini",
            "invoke_agent editor",
            "chat gpt-4o-mini");
    SpanData pipelineSpan = spans.get(0);
    assertThat(pipelineSpan.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(pipelineSpan.getAttributes().get(OPERATION)).isEqualTo("invoke_agent");
    assertThat(pipelineSpan.getAttributes().get(AGENT_NAME)).isEqualTo("story-pipeline");
    assertThat(spans.get(1).getParentSpanId()).isEqualTo(pipelineSpan.getSpanId());
    assertThat(spans.get(2).getParentSpanId()).isEqualTo(spans.get(1).getSpanId());
    assertThat(spans.get(3).getParentSpanId()).isEqualTo(pipelineSpan.getSpanId());
    assertThat(spans.get(4).getParentSpanId()).isEqualTo(spans.get(3).getSpanId());
    assertThat(spans.get(1).getAttributes().get(AGENT_NAME)).isEqualTo("writer");
  }
}
