// One writer per results folder: explore (fresh or --resume) and merge take an
// exclusive flock on DIR/.microgpt-dse.lock for their whole run, so two
// processes never append to one journal or rename outputs over each other.
// The lock file holds the owner's pid, which a refused second process names.
#pragma once
#include <string>

namespace mgpt::explorer {

class FolderLock {
public:
    // Creates `dir` if needed and locks it; throws std::runtime_error naming
    // the folder and the pid of the process that holds it.
    explicit FolderLock(const std::string& dir);
    ~FolderLock();  // removes the lock file, then releases the lock
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

    static const char* file_name() { return ".microgpt-dse.lock"; }

private:
    std::string path_;
    int fd_ = -1;
};

// Before a FolderLock creates it: `dir` must be new, empty, or an explorer
// results folder (it holds run.cfg or the lock file); a folder of the user's
// is refused with std::invalid_argument naming what is in it. `command` is
// "explore" or "merge", for the message.
void check_results_folder(const std::string& dir, const std::string& command);

}  // namespace mgpt::explorer
