package org.firstspike.reference;

/** One node of the network, compiled for repeated evaluation: reads inputs' z, writes its own. */
interface Step {
    /** @param values z values of every node, by node index; this step fills its own entry */
    void run(double[][] values, Workspace ws);
}
