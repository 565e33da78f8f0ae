// The DE1-SoC host register map (docs/FPGA.md "Register map") as byte
// offsets on the JTAG-to-Avalon-MM master: the same numbers as
// rtl/de1soc/mgpt_regmap.svh (word address x 4). The co-simulation host and
// the System Console runner (filled in by `microgpt-dse fpga`) use them, so
// both perform the same register sequence; tests/cli/fpga_project.sh checks
// this header against the RTL's.
#pragma once
#include <cstdint>

namespace mgpt::de1soc::regmap {

constexpr uint32_t kId = 0x00;         // RO 'MGPT'
constexpr uint32_t kVersion = 0x04;    // RO register-map version
constexpr uint32_t kControl = 0x08;    // WO bit0 start, bit1 clear
constexpr uint32_t kConfig = 0x0C;     // RW [4:0] max steps, [8] greedy, [31:16] temperature Q8.8
constexpr uint32_t kSeed = 0x10;       // RW slot 0's RNG state (carried across names)
constexpr uint32_t kStatus = 0x14;     // RO status bits below
constexpr uint32_t kBos = 0x18;        // RO the BOS token
constexpr uint32_t kCycles = 0x1C;     // RO the run's makespan: cycles in which any slot is busy
constexpr uint32_t kClockHz = 0x20;    // RO core clock, Hz
constexpr uint32_t kDesignTag = 0x24;  // RO hash of the design point and ROMs
constexpr uint32_t kSlots = 0x28;        // RO [4:0] slots S, [15:8] kResultNames
constexpr uint32_t kCount = 0x2C;        // RW names a start runs, 1..kResultNames (reset 1)
constexpr uint32_t kSlotSel = 0x30;      // RW the slot SLOT_SEED reads and writes
constexpr uint32_t kSlotSeed = 0x34;     // RW RNG state of slot SLOT_SEL
constexpr uint32_t kResultSel = 0x38;    // RW the name RESULT, TOKENS, RESULT_CYCLES show (reset 0)
constexpr uint32_t kResult = 0x3C;       // RO [4:0] length, [15:8] name, [19:16] slot, [24] done
constexpr uint32_t kTokens = 0x40;       // RO tokens of name RESULT_SEL, one per word
constexpr uint32_t kResultCycles = 0x80; // RO cycles its slot was busy on name RESULT_SEL
constexpr int kTokenWindow = 16;
constexpr int kResultNames = 32;         // names one start can run
constexpr uint32_t kWindowBytes = 0x400;  // the Avalon-MM bridge's address span (10 bits)

constexpr uint32_t kMgptId = 0x4D475054;
constexpr uint32_t kMgptVersion = 0x00020000;  // 2.0
constexpr uint32_t kBadRead = 0xDEADBEEF;

constexpr uint32_t kStart = 1u << 0, kClear = 1u << 1;  // CONTROL

// STATUS
constexpr uint32_t kReady = 1u << 0, kBusy = 1u << 1, kDone = 1u << 2, kError = 1u << 3, kEnabled = 1u << 4,
                   kLocked = 1u << 5;
constexpr uint32_t kErrAddress = 1u << 24, kErrBusy = 1u << 25, kErrValue = 1u << 26;
inline int status_length(uint32_t s) { return static_cast<int>((s >> 8) & 0x1F); }
inline int status_position(uint32_t s) { return static_cast<int>((s >> 16) & 0xF); }
// RESULT
constexpr uint32_t kResultDone = 1u << 24;
inline int result_length(uint32_t r) { return static_cast<int>(r & 0x1F); }
inline int result_name(uint32_t r) { return static_cast<int>((r >> 8) & 0xFF); }
inline int result_slot(uint32_t r) { return static_cast<int>((r >> 16) & 0xF); }

inline uint32_t config_word(int max_steps, bool greedy, uint16_t temperature) {
    return static_cast<uint32_t>(max_steps & 0x1F) | (greedy ? 1u << 8 : 0u) | (uint32_t{temperature} << 16);
}

}  // namespace mgpt::de1soc::regmap
