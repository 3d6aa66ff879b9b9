package org.genrevamp.trainer.console;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr (stdout stays free for results), with rate and ETA; only on a terminal. Where
 * the output goes to a file, a pipe or a build log, a bar would be redrawn into one line thousands of
 * characters long, so it draws nothing there.
 */
public final class Progress {
    private Progress() {
    }

    public static ProgressBar bar(String task, long max, String unit) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(consumer())
                .continuousUpdate()
                .build();
    }

    /** Draws on stderr when this JVM has a terminal (JDK 17 can only tell for stdin and stdout together). */
    private static ProgressBarConsumer consumer() {
        return System.console() != null
                ? new ConsoleProgressBarConsumer(System.err)
                : new DelegatingProgressBarConsumer(rendered -> { }, 80);   // the width given: no terminal to ask
    }
}
