package io.tokenbench.reports.record;

/**
 * One interval's recorders: per phase, and per class and phase when the run records per class
 * ({@code byClass} null otherwise). {@link RunRecorder} keeps two and swaps them at each cut.
 */
record IntervalRecorders(PhaseRecorders[] byPhase, PhaseRecorders[][] byClass) {

    static IntervalRecorders create(boolean perClass) {
        int phases = Phase.values().length;
        PhaseRecorders[] byPhase = new PhaseRecorders[phases];
        for (int p = 0; p < phases; p++) {
            byPhase[p] = new PhaseRecorders();
        }
        if (!perClass) {
            return new IntervalRecorders(byPhase, null);
        }
        PhaseRecorders[][] byClass = new PhaseRecorders[EndpointClass.values().length][phases];
        for (PhaseRecorders[] row : byClass) {
            for (int p = 0; p < phases; p++) {
                row[p] = new PhaseRecorders();
            }
        }
        return new IntervalRecorders(byPhase, byClass);
    }
}
