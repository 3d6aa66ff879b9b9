package org.genrevamp.trainer.transfer;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadChoiceTest {

    private static HeadChoice choice(String name, double top1, double loss) {
        return new HeadChoice(name, null, top1, loss);
    }

    @Test
    void theLowestValidationLossWinsOverAHigherTop1() {
        // the shipped default's own candidates: the sharpest head had the best top-1 and the worst loss
        HeadChoice sharp = choice("linear l2=0.001", 0.640, 1.794);
        HeadChoice linear = choice("linear l2=0.1", 0.618, 1.265);
        HeadChoice mlp = choice("mlp128 l2=0.1", 0.551, 1.245);
        assertSame(mlp, HeadChoice.best(List.of(sharp, linear, mlp)));
        assertSame(mlp, HeadChoice.best(List.of(mlp, linear, sharp)));
    }

    @Test
    void equalLossesGoToTheHigherTop1() {
        HeadChoice a = choice("a", 0.50, 1.2);
        HeadChoice b = choice("b", 0.60, 1.2);
        assertSame(b, HeadChoice.best(List.of(a, b)));
        assertSame(b, HeadChoice.best(List.of(b, a)));
    }

    @Test
    void nothingTriedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HeadChoice.best(List.of()));
    }
}
