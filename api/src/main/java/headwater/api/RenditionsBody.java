package headwater.api;

import java.util.List;

/**
 * A channel's renditions as a client sends and reads them: the ids of the channels carrying its programme in other
 * qualities, in the operator's order; an empty list removes them.
 */
record RenditionsBody(List<String> renditions) {
}
