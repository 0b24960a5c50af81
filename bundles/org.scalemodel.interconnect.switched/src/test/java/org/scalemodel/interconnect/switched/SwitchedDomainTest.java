package org.scalemodel.interconnect.switched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.interconnect.AllReduceAlgorithm;
import org.scalemodel.api.interconnect.CollectiveAlgorithms;
import org.scalemodel.api.model.Collective;

class SwitchedDomainTest {
    @Test
    void aRingAllReduceMovesTwoPMinusOneOverPOfTheBufferPerDevice() {
        double bytes = 1e9;
        double bytesPerSecond = 100e9;
        for (int p : new int[] {2, 8, 72}) {
            double seconds = CollectiveAlgorithms.ringAllReduce(p, bytes, 0, bytesPerSecond);
            assertThat(seconds * bytesPerSecond).isCloseTo(2.0 * (p - 1) / p * bytes, within(1e-3));
        }
    }

    @Test
    void inNetworkReductionWinsForLargeMessagesAndTheRingForSmallOnes() {
        SwitchedDomain h100 = new SwitchedDomain(8, 0.82 * 450e9, 3e-6, true, 275e9, 100e-6);

        assertThat(h100.algorithm(Collective.ALL_REDUCE, 8, 8e9)).isEqualTo("in-network");
        assertThat(h100.algorithm(Collective.ALL_REDUCE, 8, 64e3)).isEqualTo("ring");
    }

    @Test
    void aLargeBroadcastReachesTheLinkRateAsNcclTestsReportsIt() {
        SwitchedDomain node = new SwitchedDomain(8, 370e9, 3e-6, false, 0, 0);
        double bytes = 8e9;
        double seconds = node.collectiveSeconds(Collective.BROADCAST, 8, bytes);

        // nccl-tests: broadcast busbw = algbw; the pipelined ring carries the buffer over each link once
        double busbw = CollectiveAlgorithms.busBandwidth(Collective.BROADCAST, 8, bytes, seconds);
        assertThat(busbw).isCloseTo(370e9, within(0.001 * 370e9));
        assertThat(node.algorithm(Collective.BROADCAST, 8, bytes)).isEqualTo("pipelined ring");
    }

    @Test
    void forcingTheRingOnAnNvlsNodeGivesTheRingBandwidthAsNcclAlgoRingDoes() {
        SwitchedDomain h100 = new SwitchedDomain(8, 0.82 * 450e9, 3e-6, true, 275e9, 100e-6);
        double bytes = 8e9;

        double ring = h100.allReduceSeconds(8, bytes, AllReduceAlgorithm.RING);
        assertThat(CollectiveAlgorithms.busBandwidth(Collective.ALL_REDUCE, 8, bytes, ring))
                .isCloseTo(0.82 * 450e9, within(0.01 * 450e9));
        assertThat(h100.allReduceSeconds(8, bytes, AllReduceAlgorithm.AUTO))
                .isEqualTo(h100.allReduceSeconds(8, bytes, AllReduceAlgorithm.IN_NETWORK)).isLessThan(ring);
        SwitchedDomain a100 = new SwitchedDomain(8, 0.775 * 300e9, 3e-6, false, 0, 0);
        assertThat(a100.allReduceSeconds(8, bytes, AllReduceAlgorithm.IN_NETWORK)).isNaN();
    }
}
